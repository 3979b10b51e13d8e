with

source as (

    select * from {{ ref('indicators') }}

),

renamed as (

    select
        code as indicator_code,
        domain,
        unit_class,
        cast(higher_is_better as boolean) as higher_is_better,
        name_vi,
        name_en,
        written_as

    from source

)

select * from renamed
