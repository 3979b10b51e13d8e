with

source as (

    select * from {{ ref('units') }}

),

renamed as (

    select
        code as unit_code,
        class as unit_class,
        base as base_unit,
        cast(multiplier as double) as unit_multiplier,
        written_as

    from source

)

select * from renamed
