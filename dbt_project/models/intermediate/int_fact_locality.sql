-- Resolves the place a fact names (name + level, never a code) to a gazetteer code.
-- Names are not unique (Tân Hòa is a commune in 20 districts), so candidates are ranked by
-- where they lie relative to the document's own place:
--   1 document_district  the document's district itself, or a unit whose parent it is
--                        (a commune of the district the report is about)
--   2 document_province  a unit in the document's province
--   3 nationwide         anywhere
-- The best non-empty scope wins if it holds exactly one candidate; if it holds several,
-- the one valid during the fact's period wins if it is alone; otherwise the name is
-- 'ambiguous'. Unresolved names get a 'x:' key (a dim_locality member with
-- is_in_gazetteer = false); facts with no place get the unknown key.
-- Built incrementally by document (macros/batch.sql): a fact's place depends only on its own
-- document.

{{ by_document_config() }}

with

facts as (

    select
        document_id,
        document_version,
        fact_seq,
        locality_name,
        locality_level,
        {{ period_key('period_text') }} as period_key

    from {{ ref('stg_facts') }}
    where {{ in_batch('document_id') }}

),

documents as (

    select
        document_id,
        document_version,
        doc_district_code,
        doc_province_code

    from {{ ref('int_documents') }}

),

periods as (

    select
        period_key,
        start_date,
        end_date

    from {{ ref('int_periods') }}

),

gazetteer as (

    select
        locality_code,
        {{ locality_match_name('locality_name') }} as match_name,
        locality_level,
        parent_code,
        province_code,
        valid_from,
        valid_to

    from {{ ref('stg_localities') }}

),

named as (

    select
        facts.document_id,
        facts.document_version,
        facts.fact_seq,
        facts.locality_name,
        facts.locality_level,
        {{ locality_match_name('facts.locality_name') }} as match_name,
        documents.doc_district_code,
        documents.doc_province_code,
        periods.start_date,
        periods.end_date

    from facts
    left join documents
        on documents.document_id = facts.document_id
        and documents.document_version = facts.document_version
    left join periods
        on periods.period_key = facts.period_key

),

candidates as (

    select
        named.document_id,
        named.document_version,
        named.fact_seq,
        gazetteer.locality_code,
        case
            when gazetteer.locality_code = named.doc_district_code
                or gazetteer.parent_code = named.doc_district_code
                then 1
            when gazetteer.province_code = named.doc_province_code
                then 2
            else 3
        end as scope_rank,
        coalesce(
            (gazetteer.valid_from is null or gazetteer.valid_from <= named.end_date)
            and (gazetteer.valid_to is null or gazetteer.valid_to >= named.start_date),
            true
        ) as is_valid_in_period

    from named
    inner join gazetteer
        on gazetteer.match_name = named.match_name
        and gazetteer.locality_level = named.locality_level

),

best_scope as (

    select *
    from candidates
    qualify scope_rank = min(scope_rank) over (partition by document_id, document_version, fact_seq)

),

picked as (

    select
        document_id,
        document_version,
        fact_seq,
        min(scope_rank) as scope_rank,
        count(*) as candidate_count,
        case
            when count(*) = 1 then min(locality_code)
            when count(*) filter (where is_valid_in_period) = 1
                then min(locality_code) filter (where is_valid_in_period)
        end as locality_code

    from best_scope
    group by document_id, document_version, fact_seq

),

final as (

    select
        named.document_id,
        named.document_version,
        named.fact_seq,
        named.locality_name,
        named.locality_level,
        case
            when named.match_name is null then {{ unknown_key() }}
            when picked.locality_code is not null then picked.locality_code
            else {{ missing_locality_key('named.locality_level', 'named.locality_name') }}
        end as locality_key,
        case
            when named.match_name is null then 'unknown'
            when picked.locality_code is null and picked.candidate_count > 1 then 'ambiguous'
            when picked.locality_code is null then 'not_in_gazetteer'
            when picked.scope_rank = 1 then 'document_district'
            when picked.scope_rank = 2 then 'document_province'
            else 'nationwide'
        end as locality_match,
        coalesce(picked.candidate_count, 0) as candidate_count

    from named
    left join picked
        on picked.document_id = named.document_id
        and picked.document_version = named.document_version
        and picked.fact_seq = named.fact_seq

)

select * from final
