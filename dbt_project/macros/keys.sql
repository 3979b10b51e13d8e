{#- Text normalisation and surrogate keys shared by models. -#}

{#- The key of the 'unknown' member row of every dimension. -#}
{% macro unknown_key() -%}
    'unknown'
{%- endmacro %}

{#- NFC, trimmed, inner whitespace collapsed; empty string becomes null. -#}
{% macro clean_text(expr) -%}
    nullif(regexp_replace(trim(nfc_normalize({{ expr }})), '\s+', ' ', 'g'), '')
{%- endmacro %}

{#- A canonical form for comparing place names (not a spelling): NFC, lower case, every
    tone mark on o/u of the clusters oa, oe, uy moved to the first vowel, so old-style 'Hoà',
    'Thuỷ' and new-style 'Hòa', 'Thủy' compare equal, and without the unit type the gazetteer
    adds to tell two units of one name apart ('Cai Lậy (Thị xã)': reports write 'thị xã Cai
    Lậy', the fact says 'Cai Lậy'; the document's place then picks the unit, or it is
    ambiguous). Applied to both sides of a match. -#}
{% macro locality_match_name(expr) -%}
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        regexp_replace(lower({{ clean_text(expr) }}),
            '\s*\((huyện|thị xã|thành phố|quận|thị trấn|xã|phường)\)$', ''),
        'oà', 'òa', 'g'), 'oá', 'óa', 'g'), 'oả', 'ỏa', 'g'), 'oã', 'õa', 'g'), 'oạ', 'ọa', 'g'),
        'oè', 'òe', 'g'), 'oé', 'óe', 'g'), 'oẻ', 'ỏe', 'g'), 'oẽ', 'õe', 'g'), 'oẹ', 'ọe', 'g'),
        'uỳ', 'ùy', 'g'), 'uý', 'úy', 'g'), 'uỷ', 'ủy', 'g'), 'uỹ', 'ũy', 'g'), 'uỵ', 'ụy', 'g')
{%- endmacro %}

{#- Key of a place the gazetteer lacks (or cannot tell apart): never collides with a GSO code. -#}
{% macro missing_locality_key(level_expr, name_expr) -%}
    'x:' || md5(coalesce({{ level_expr }}, '') || '|' || {{ locality_match_name(name_expr) }})
{%- endmacro %}

{#- A period as written by the parser, with spaces and dashes normalised: '2016 – 2020' -> '2016-2020'. -#}
{% macro period_key(expr) -%}
    nullif(regexp_replace(trim({{ expr }}), '\s*[-–—]\s*', '-', 'g'), '')
{%- endmacro %}

{#- Key of an indicator phrase with no catalogue code. -#}
{% macro indicator_phrase_key(expr) -%}
    'p:' || md5(lower({{ clean_text(expr) }}))
{%- endmacro %}

{#- Deterministic id of one fact of one document version. -#}
{% macro fact_id(document_id, version, fact_seq) -%}
    md5({{ document_id }} || '|' || cast({{ version }} as varchar) || '|' || cast({{ fact_seq }} as varchar))
{%- endmacro %}
