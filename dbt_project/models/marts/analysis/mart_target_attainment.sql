-- Target against result per locality × period × indicator: the target from whatever document
-- set it (a resolution, a plan, last year's report), the result from whatever reported it,
-- the attainment computed from the two (same base unit) beside the attainment a report states,
-- and a flag where they differ by more than 1 point.

-- Built incrementally by locality × period × indicator, after mart_indicator_values (macros/batch.sql).

{{ by_value_key_config() }}

with

values_ as (

    select * from {{ ref('mart_indicator_values') }} as mart_indicator_values
    where {{ in_batch_value_keys('mart_indicator_values') }}

),

targets as (

    select locality_key, period_key, indicator_key, base_unit, value_base as target_base, value as target,
        unit as target_unit, qualifier as target_qualifier, chosen_fact_id as target_fact_id,
        source_name as target_source
    from values_
    where value_kind = 'planned_level'

),

actuals as (

    select locality_key, period_key, indicator_key, base_unit, value_base as actual_base, value as actual,
        unit as actual_unit, qualifier as actual_qualifier, chosen_fact_id as actual_fact_id,
        source_name as actual_source
    from values_
    where value_kind = 'level'

),

stated as (

    select locality_key, period_key, indicator_key, value as attainment_stated_pct,
        chosen_fact_id as attainment_fact_id
    from values_
    where value_kind = 'attainment' and compared_to = 'target'

),

paired as (

    select
        coalesce(targets.locality_key, actuals.locality_key) as locality_key,
        coalesce(targets.period_key, actuals.period_key) as period_key,
        coalesce(targets.indicator_key, actuals.indicator_key) as indicator_key,
        coalesce(targets.base_unit, actuals.base_unit) as base_unit,
        targets.target,
        targets.target_unit,
        targets.target_base,
        targets.target_qualifier,
        targets.target_source,
        targets.target_fact_id,
        actuals.actual,
        actuals.actual_unit,
        actuals.actual_base,
        actuals.actual_qualifier,
        actuals.actual_source,
        actuals.actual_fact_id

    from targets
    full outer join actuals
        on actuals.locality_key = targets.locality_key
        and actuals.period_key = targets.period_key
        and actuals.indicator_key = targets.indicator_key
        and actuals.base_unit is not distinct from targets.base_unit

),

final as (

    select
        md5(concat_ws('|', paired.locality_key, paired.period_key, paired.indicator_key, coalesce(paired.base_unit, '')))
            as attainment_id,
        paired.locality_key,
        paired.period_key,
        paired.indicator_key,
        paired.base_unit,
        paired.target,
        paired.target_unit,
        paired.target_qualifier,
        paired.target_source,
        paired.target_fact_id,
        paired.actual,
        paired.actual_unit,
        paired.actual_qualifier,
        paired.actual_source,
        paired.actual_fact_id,
        case when paired.target_base <> 0 then round(100 * paired.actual_base / paired.target_base, 2) end
            as attainment_computed_pct,
        stated.attainment_stated_pct,
        stated.attainment_fact_id,
        coalesce(
            abs(stated.attainment_stated_pct - 100 * paired.actual_base / nullif(paired.target_base, 0)) > 1,
            false
        ) as is_attainment_mismatch,
        paired.target is not null and paired.actual is not null as has_target_and_actual

    from paired
    left join stated
        on stated.locality_key = paired.locality_key
        and stated.period_key = paired.period_key
        and stated.indicator_key = paired.indicator_key

)

select * from final
