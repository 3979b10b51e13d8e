{#- Every row satisfies a boolean SQL expression (rows where it is null fail too).
    Usable on a model or on a column (the column only names where the test is listed). -#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}
