-- Văn bản (documents): one row per report, with its place and period names.
select
    d.document_id,
    d.source_name,
    coalesce(d.title, d.source_name) as title,
    d.document_kind,
    case d.document_kind
        when 'bao_cao_chinh_tri' then 'Báo cáo chính trị'
        when 'bao_cao_ket_qua' then 'Báo cáo kết quả'
        when 'chuong_trinh' then 'Chương trình'
        when 'ke_hoach' then 'Kế hoạch'
        when 'nghi_quyet' then 'Nghị quyết'
        else coalesce(d.document_kind, 'Khác / không rõ')
    end as document_kind_vi,
    d.issuer,
    d.locality_key,
    coalesce(l.name, 'Không rõ') as place_name,
    d.period_key,
    coalesce(p.label, d.period_key) as period_label,
    d.doc_date,
    d.current_version,
    d.version_count,
    d.line_count,
    d.fact_count,
    cast(d.loaded_at as timestamp) as loaded_at,
    '/van-ban/' || d.document_id || '/' as document_link
from main.dim_document d
left join main.dim_locality l on l.locality_key = d.locality_key
left join main.dim_period p on p.period_key = d.period_key
order by d.source_name
