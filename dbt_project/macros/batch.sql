{#- Incremental builds by document (issue 11). The loader (flows/baocao/warehouse.py) lists in
    raw.pending_documents every document whose versions it added or took back since the last
    good build. An incremental model rebuilds exactly those documents: its pre-hook deletes
    their rows, its select keeps only their facts; every other row stays as the last build left
    it. A first build, `baocao rebuild` (--full-refresh) or a changed project builds it whole. -#}

{#- Config of a fact-grain model built incrementally by document. -#}
{% macro by_document_config() -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        pre_hook="{{ delete_batch_documents() }}",
    ) }}
{%- endmacro %}

{#- Whether this run builds only the batch (`this` is unset in unit tests: they build whole). -#}
{% macro is_batch_run() -%}
    {{ return(this is not none and is_incremental()) }}
{%- endmacro %}

{#- Pre-hook: in an incremental run, remove the rows of the documents the batch touched. -#}
{% macro delete_batch_documents() -%}
    {%- if is_batch_run() -%}
        delete from {{ this }}
        where document_id in (select document_id from {{ source('raw', 'pending_documents') }})
    {%- endif -%}
{%- endmacro %}

{#- Where-clause for a model's input: every row on a full build, the batch's documents otherwise. -#}
{% macro in_batch(document_id_expr) -%}
    {%- if is_batch_run() -%}
        {{ document_id_expr }} in (select document_id from {{ source('raw', 'pending_documents') }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Data tests in a batch build (`--vars '{batch_build: true}'`, marts.py): on the models built
    by document, a test reads only the batch's documents, so its cost follows the batch, not
    the warehouse; rows of other documents were tested when they were built. Full builds test
    every row. Overrides dbt's get_where_subquery, which every generic test calls. -#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if var('batch_build', false) and relation.identifier in var('by_document_models') -%}
        {%- set batch = "document_id in (select document_id from raw.pending_documents)" -%}
        {%- set where = (where ~ ' and ' ~ batch) if where else batch -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return("(select * from " ~ relation ~ " where " ~ where ~ ") dbt_subquery") -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}
