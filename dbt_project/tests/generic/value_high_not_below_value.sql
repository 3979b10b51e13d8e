{#- The upper end of a range is never below its lower end (rows where either is null pass). -#}
{% test value_high_not_below_value(model, column_name, low_column) %}

select *
from {{ model }}
where {{ column_name }} is not null
    and {{ low_column }} is not null
    and {{ column_name }} < {{ low_column }}

{% endtest %}
