{#- The model has no rows: a data-quality list that should be empty (used with severity warn,
    so a build reports how many rows need a look without failing). -#}
{% test is_empty(model) %}

select * from {{ model }}

{% endtest %}
