with

periods as (

    select * from {{ ref('int_periods') }}

),

unknown_member as (

    select
        {{ unknown_key() }} as period_key,
        'unknown' as grain,
        cast(null as date) as start_date,
        cast(null as date) as end_date,
        cast(null as integer) as year_start,
        cast(null as integer) as year_end,
        'Không rõ' as label

),

final as (

    select * from periods
    union all by name
    select * from unknown_member

)

select
    period_key,
    grain,
    start_date,
    end_date,
    year_start,
    year_end,
    label

from final
