{#- Incremental builds by document (issue 11). The loader (flows/baocao/warehouse.py) lists in
    raw.pending_documents every document whose versions it added or took back since the last
    good build. An incremental model rebuilds exactly those documents: its pre-hook deletes
    their rows, its select keeps only their facts; every other row stays as the last build left
    it. A first build, `baocao rebuild` (--full-refresh) or a changed project builds it whole. -#}

{#- Config of a model a batch build updates in place: its pre-hook deletes the rows the batch
    touches, its select inserts them again. -#}
{% macro batch_incremental_config(pre_hook) -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        pre_hook=pre_hook,
    ) }}
{%- endmacro %}

{#- Config of a fact-grain model built incrementally by document. -#}
{% macro by_document_config() -%}
    {{ batch_incremental_config("{{ delete_batch_documents() }}") }}
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
    by document (by value key), a test reads only the batch's documents (keys), so its cost
    follows the batch, not the warehouse; other rows were tested when they were built. Full
    builds, and a plain `dbt build` or `dbt test`, test every row. Overrides dbt's
    get_where_subquery, which every generic test calls. -#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if var('batch_build', false) and relation.identifier in var('by_document_models') -%}
        {%- set batch = "document_id in (select document_id from raw.pending_documents)" -%}
        {%- set where = (where ~ ' and ' ~ batch) if where else batch -%}
    {%- elif var('batch_build', false) and relation.identifier in var('by_value_key_models') -%}
        {%- set batch = "(locality_key, period_key, indicator_key) in (select locality_key, period_key, "
                        ~ "indicator_key from " ~ batch_value_keys() ~ ")" -%}
        {%- set where = (where ~ ' and ' ~ batch) if where else batch -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return("(select * from " ~ relation ~ " where " ~ where ~ ") dbt_subquery") -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- Analysis marts built incrementally by value key. A value (mart_indicator_values) is chosen
    among all the facts of its locality × period × indicator, from any document; a batch can
    change it only where one of its documents states, or stated, a fact. Those keys are
    written to batch_value_keys() by mart_indicator_values' pre-hook, before it deletes their
    rows: the keys of the batch's current facts, and of every row whose document_ids hold one
    of the batch's documents (a version taken back, a fact that moved elsewhere). The models
    downstream rebuild exactly those keys. -#}
{% macro batch_value_keys() -%}
    staging.batch_value_keys
{%- endmacro %}

{#- Config of an analysis mart built incrementally by value key: mart_indicator_values records
    the keys the batch touches, the marts after it read them. -#}
{% macro by_value_key_config(records_keys=false) -%}
    {{ batch_incremental_config("{{ record_batch_value_keys() }}" if records_keys
                                else "{{ delete_batch_value_keys() }}") }}
{%- endmacro %}

{#- Pre-hook of mart_indicator_values: record the keys the batch touches, then drop their rows. -#}
{% macro record_batch_value_keys() -%}
    {%- if is_batch_run() -%}
        create or replace table {{ batch_value_keys() }} as
        select locality_key, period_key, indicator_key
        from {{ this }}
        where list_has_any(document_ids, (select list(document_id) from {{ source('raw', 'pending_documents') }}))
        union
        select locality_key, period_key, indicator_key
        from {{ ref('fact_value') }}
        where document_id in (select document_id from {{ source('raw', 'pending_documents') }});
        {{ delete_batch_value_keys() }}
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a model built by value key: drop the rows of the keys the batch touches. -#}
{% macro delete_batch_value_keys() -%}
    {%- if is_batch_run() -%}
        delete from {{ this }} as target
        using {{ batch_value_keys() }} as touched
        where target.locality_key = touched.locality_key
            and target.period_key = touched.period_key
            and target.indicator_key = touched.indicator_key
    {%- endif -%}
{%- endmacro %}

{#- Where-clause for an input of a model built by value key: every row on a full build, the
    rows of the touched keys otherwise. -#}
{% macro in_batch_value_keys(alias) -%}
    {%- if is_batch_run() -%}
        exists (
            select 1 from {{ batch_value_keys() }} as touched
            where touched.locality_key = {{ alias }}.locality_key
                and touched.period_key = {{ alias }}.period_key
                and touched.indicator_key = {{ alias }}.indicator_key
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
