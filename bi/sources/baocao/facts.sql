-- Số liệu (facts): every figure read from a report, with where it was read (line, column,
-- sentence or table cell) and the names of its place, period and indicator.
create or replace temp macro vn_num(x) as
    translate(regexp_replace(format('{:,.6f}', x), '\.?0+$', ''), ',.', '.,');
select
    f.fact_id,
    f.document_id,
    f.document_version,
    f.fact_seq,
    f.source_name,
    coalesce(d.title, f.source_name) as document_title,
    f.locality_key,
    coalesce(l.name, 'Không rõ') as place_name,
    l.level as place_level,
    f.period_key,
    coalesce(p.label, f.period_key) as period_label,
    f.indicator_key,
    i.indicator_code,
    coalesce(i.name_vi, f.indicator_phrase) as indicator_name,
    i.name_en as indicator_name_en,
    coalesce(i.is_catalogued, false) as is_catalogued,
    f.measure,
    case f.measure
        when 'actual' then 'Thực hiện'
        when 'target' then 'Kế hoạch / chỉ tiêu'
        when 'change_pct' then 'Tăng/giảm (%)'
        when 'change_abs' then 'Tăng/giảm (tuyệt đối)'
        when 'change_times' then 'Gấp (lần)'
        when 'attainment_pct' then 'Tỷ lệ đạt (%)'
        else f.measure
    end as measure_vi,
    f.compared_to,
    f.qualifier,
    f.value,
    f.value_high,
    vn_num(f.value) || coalesce('–' || vn_num(f.value_high), '') as value_text,
    f.unit,
    coalesce(f.unit_text, f.unit) as unit_label,
    f.base_unit,
    f.value_base,
    coalesce(vn_num(f.value_base) || ' ' || f.base_unit, '—') as value_base_text,
    'dòng ' || f.line || coalesce(', cột ' || f.col, '') as line_text,
    f.indicator_phrase,
    f.line,
    f.col,
    f.sentence,
    f.section,
    f.table_name,
    f.table_row,
    f.table_column,
    case when f.table_name is not null
        then f.table_name || ', hàng ' || f.table_row || ', cột ' || f.table_column
    end as table_cell,
    f.is_ocr,
    f.ocr_confidence,
    '/so-lieu/' || f.fact_id || '/' as fact_link,
    '/van-ban/' || f.document_id || '/' as document_link
from main.fact_value f
left join main.dim_document d on d.document_id = f.document_id
left join main.dim_locality l on l.locality_key = f.locality_key
left join main.dim_period p on p.period_key = f.period_key
left join main.dim_indicator i on i.indicator_key = f.indicator_key
order by f.source_name, f.fact_seq
