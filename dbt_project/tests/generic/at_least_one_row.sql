{#- The model is not empty (optionally: has at least one row matching `where`). -#}
{% test at_least_one_row(model, where=none) %}

select 'empty' as problem
from (
    select count(*) as row_count
    from {{ model }}
    {% if where %}where {{ where }}{% endif %}
) as counted
where row_count = 0

{% endtest %}
