-- Every distinct period that facts or documents name, parsed into a grain and dates:
-- '2022' (year), '2016-2020' (span of years), '2019-06' (month). Anything else is kept
-- with grain 'unparsed' and no dates, so no fact loses its period.

with

-- distinct texts first, materialized so the optimizer cannot push the key expression below the
-- distinct: a warehouse holds millions of facts but a few hundred period texts
fact_period_texts as materialized (

    select distinct period_text
    from {{ ref('stg_facts') }}

),

fact_periods as (

    select {{ period_key('period_text') }} as period_key
    from fact_period_texts

),

document_periods as (

    select {{ period_key('period_text') }} as period_key
    from {{ ref('stg_documents') }}

),

periods as (

    select period_key from fact_periods
    union
    select period_key from document_periods

),

split as (

    select
        period_key,
        case
            when regexp_full_match(period_key, '\d{4}')
                then 'year'
            when regexp_full_match(period_key, '\d{4}-\d{4}')
                and try_cast(period_key[6:9] as integer) > try_cast(period_key[1:4] as integer)
                then 'span'
            when regexp_full_match(period_key, '\d{4}-\d{2}')
                and try_cast(period_key[6:7] as integer) between 1 and 12
                then 'month'
            else 'unparsed'
        end as grain

    from periods
    where period_key is not null

),

dated as (

    select
        period_key,
        grain,
        case grain
            when 'year' then make_date(try_cast(period_key as integer), 1, 1)
            when 'span' then make_date(try_cast(period_key[1:4] as integer), 1, 1)
            when 'month' then make_date(try_cast(period_key[1:4] as integer), try_cast(period_key[6:7] as integer), 1)
        end as start_date,
        case grain
            when 'year' then make_date(try_cast(period_key as integer), 12, 31)
            when 'span' then make_date(try_cast(period_key[6:9] as integer), 12, 31)
            when 'month' then last_day(make_date(try_cast(period_key[1:4] as integer), try_cast(period_key[6:7] as integer), 1))
        end as end_date

    from split

),

final as (

    select
        period_key,
        grain,
        start_date,
        end_date,
        cast(year(start_date) as integer) as year_start,
        cast(year(end_date) as integer) as year_end,
        case grain
            when 'year' then 'Năm ' || period_key
            when 'span' then 'Giai đoạn ' || period_key
            when 'month' then 'Tháng ' || cast(month(start_date) as varchar) || '/' || cast(year(start_date) as varchar)
            else period_key
        end as label

    from dated

)

select * from final
