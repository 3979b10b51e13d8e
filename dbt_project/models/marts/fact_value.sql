-- One row per fact of the current version of each document. A new version of a document
-- replaces its facts here; older versions stay in fact_value_history.
-- Built incrementally by document (macros/batch.sql); `baocao rebuild` builds it whole.

{{ by_document_config() }}

with

history as (

    select * from {{ ref('fact_value_history') }}

),

final as (

    -- the same columns as the history, less the flag that selects them
    select * exclude (is_current)
    from history
    where is_current
        and {{ in_batch('document_id') }}

)

select * from final
