-- fact_value holds exactly the facts of each document's max(version) in raw: no fact of a
-- replaced version, none of the current version missing.

with

current_versions as (

    select document_id, max(document_version) as document_version
    from {{ ref('stg_documents') }}
    group by document_id

),

expected as (

    select facts.document_id, facts.document_version, facts.fact_seq
    from {{ ref('stg_facts') }} as facts
    inner join current_versions using (document_id, document_version)

),

actual as (

    select document_id, document_version, fact_seq
    from {{ ref('fact_value') }}

),

missing as (

    select *, 'missing from fact_value' as problem from (select * from expected except select * from actual)

),

extra as (

    select *, 'not a current-version fact' as problem from (select * from actual except select * from expected)

)

select * from missing
union all
select * from extra
