-- One row per fact of the current version of each document. A new version of a document
-- replaces its facts here (the table is rebuilt); older versions stay in fact_value_history.

with

history as (

    select * from {{ ref('fact_value_history') }}

),

final as (

    -- the same columns as the history, less the flag that selects them
    select * exclude (is_current)
    from history
    where is_current

)

select * from final
