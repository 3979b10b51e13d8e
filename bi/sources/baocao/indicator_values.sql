-- Giá trị chỉ tiêu (indicator values): mart_indicator_values, one value to report per place ×
-- period × indicator × measure × kind, with its provenance (the chosen fact) and names.
create or replace temp macro vn_num(x) as
    translate(regexp_replace(format('{:,.6f}', x), '\.?0+$', ''), ',.', '.,');
select
    v.value_id,
    v.locality_key,
    coalesce(l.name, 'Không rõ') as place_name,
    l.level as place_level,
    coalesce(l.name, 'Không rõ')
        || coalesce(' (' || case l.level when 'province' then 'tỉnh' when 'district' then 'huyện'
                                         when 'commune' then 'xã' else l.level end
                    || coalesce(', ' || nullif(l.province_name, l.name), '') || ')', '') as place_label,
    l.province_name,
    l.successor_province_name,
    v.period_key,
    coalesce(p.label, v.period_key) as period_label,
    p.grain as period_grain,
    p.year_start,
    p.year_end,
    v.indicator_key,
    i.indicator_code,
    coalesce(i.name_vi, v.indicator_phrase) as indicator_name,
    i.name_en as indicator_name_en,
    i.domain,
    coalesce(i.is_catalogued, false) as is_catalogued,
    v.measure,
    v.compared_to,
    v.value_kind,
    case v.value_kind
        when 'level' then 'Thực hiện'
        when 'planned_level' then 'Kế hoạch / chỉ tiêu'
        when 'change' then 'Tăng/giảm'
        when 'planned_change' then 'Tăng/giảm theo kế hoạch'
        when 'attainment' then 'Tỷ lệ đạt (%)'
        else v.value_kind
    end as value_kind_vi,
    v.value,
    v.value_high,
    vn_num(v.value) || coalesce('–' || vn_num(v.value_high), '') as value_text,
    vn_num(v.value) || coalesce('–' || vn_num(v.value_high), '') || ' ' || coalesce(v.unit_text, v.unit, '')
        as value_display,
    v.qualifier,
    v.unit,
    coalesce(v.unit_text, v.unit) as unit_label,
    v.value_base,
    v.base_unit,
    -- one scale per base unit for charts: money in tỷ đồng, income in triệu đồng/người
    case v.base_unit
        when 'VND' then v.value_base / 1e9
        when 'VND_PER_PERSON' then v.value_base / 1e6
        else v.value_base
    end as chart_value,
    case v.base_unit
        when 'VND' then 'tỷ đồng'
        when 'VND_PER_PERSON' then 'triệu đồng/người'
        when 'PCT' then '%'
        when 'COUNT' then coalesce(v.unit_text, 'số lượng')
        else coalesce(v.unit_text, v.base_unit)
    end as chart_unit,
    v.fact_count,
    v.document_count,
    v.is_disputed,
    v.chosen_fact_id,
    v.chosen_document_id,
    v.source_name,
    v.doc_date,
    v.indicator_phrase,
    v.line,
    v.col,
    v.sentence,
    v.table_name,
    v.table_row,
    v.table_column,
    case when v.table_name is not null
        then v.table_name || ', hàng ' || v.table_row || ', cột ' || v.table_column
    end as table_cell,
    v.is_ocr,
    '/so-lieu/' || v.chosen_fact_id || '/' as fact_link,
    '/van-ban/' || v.chosen_document_id || '/' as document_link
from main.mart_indicator_values v
left join main.dim_locality l on l.locality_key = v.locality_key
left join main.dim_period p on p.period_key = v.period_key
left join main.dim_indicator i on i.indicator_key = v.indicator_key
order by i.indicator_code nulls last, v.indicator_key, p.year_start, p.year_end, place_name
