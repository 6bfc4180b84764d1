// The tables of the catalog, in dependency order (a table comes after every table it
// references), which is also the order `import --all` loads them in.
import VietText

private func L(_ vi: String, _ en: String) -> Localized { Localized(vi: vi, en: en) }

public enum Codes {
    public static let unitStatus = [
        ("active", L("Đang hoạt động", "active")), ("merged", L("Đã sáp nhập", "merged")),
        ("split", L("Đã chia tách", "split")), ("dissolved", L("Giải thể", "dissolved")),
    ]
    public static let unitKind = [
        ("city", L("Tỉnh/thành phố", "city or province")),
        ("district", L("Quận/huyện/thị xã", "district")),
        ("ward", L("Phường", "ward")), ("commune", L("Xã", "commune")),
        ("township", L("Thị trấn", "township")),
        ("residential", L("Thôn/tổ dân phố", "village or residential group")),
        ("party_body", L("Cơ quan Đảng", "Party body")),
        ("party_committee", L("Đảng ủy/đảng bộ", "Party committee")),
        ("party_cell", L("Chi bộ", "Party cell")),
        ("department", L("Sở/ban/ngành", "department")),
        ("people_committee", L("UBND", "People's Committee")),
        ("front", L("Mặt trận Tổ quốc", "Fatherland Front")),
        ("mass_org", L("Đoàn thể", "mass organisation")),
        ("armed_force", L("Lực lượng vũ trang", "armed forces")),
        ("public_service", L("Đơn vị sự nghiệp", "public service unit")),
        ("enterprise", L("Doanh nghiệp", "enterprise")),
    ]
    public static let unitLevel = [
        ("city", L("Thành phố", "city")), ("district", L("Huyện", "district")),
        ("commune", L("Cơ sở", "commune")), ("residential", L("Khu dân cư", "residential")),
    ]
    public static let memberRole = [
        ("lead", L("Cụm trưởng", "lead")), ("deputy", L("Cụm phó", "deputy")),
        ("member", L("Thành viên", "member")),
    ]
    public static let gender = [("male", L("Nam", "male")), ("female", L("Nữ", "female"))]
    public static let modelKind = [
        ("collective", L("Tập thể", "collective")), ("individual", L("Cá nhân", "individual")),
    ]
    public static let modelStatus = [
        ("draft", L("Dự kiến", "draft")), ("registered", L("Đã đăng ký", "registered")),
        ("active", L("Đang triển khai", "active")), ("proposed", L("Đề nghị công nhận", "proposed")),
        ("recognised", L("Đã công nhận", "recognised")),
        ("not_recognised", L("Không công nhận", "not recognised")),
        ("suspended", L("Tạm dừng", "suspended")), ("discontinued", L("Ngừng hoạt động", "discontinued")),
        ("withdrawn", L("Hủy đăng ký", "withdrawn")),
    ]
    public static let recognitionLevel = [
        ("base", L("Cơ sở", "base")), ("district", L("Huyện", "district")),
        ("commune", L("Xã", "commune")), ("city", L("Thành phố", "city")),
    ]
    public static let classification = [
        ("good", L("Tốt – nhân rộng", "good, replicate")), ("maintain", L("Duy trì", "maintain")),
        ("weak", L("Yếu – cần củng cố", "weak, consolidate")),
        ("ineffective", L("Không còn hiệu quả", "no longer effective")),
    ]
    public static let evaluationKind = [
        ("interim", L("Sơ kết", "interim")), ("annual", L("Tổng kết năm", "annual")),
        ("inspection", L("Kiểm tra", "inspection")),
    ]
    public static let rating = [
        ("excellent", L("Xuất sắc", "excellent")), ("good", L("Tốt", "good")),
        ("pass", L("Đạt", "pass")), ("fail", L("Không đạt", "fail")),
    ]
    public static let conclusion = [
        ("recognise", L("Công nhận", "recognise")), ("not_recognise", L("Không công nhận", "do not recognise")),
        ("propose_higher", L("Đề nghị cấp trên", "propose to the higher level")),
    ]
    public static let awardFormKind = [("title", L("Danh hiệu", "title")), ("form", L("Hình thức", "form"))]
    public static let awardTarget = [
        ("collective", L("Tập thể", "collective")), ("individual", L("Cá nhân", "individual")),
        ("both", L("Tập thể và cá nhân", "both")),
    ]
    public static let awardStatus = [("valid", L("Hiệu lực", "valid")), ("revoked", L("Thu hồi", "revoked"))]
    public static let contestStatus = [
        ("planned", L("Kế hoạch", "planned")), ("registering", L("Nhận đăng ký", "registering")),
        ("preliminary", L("Sơ khảo", "preliminaries")), ("final", L("Chung khảo", "final")),
        ("awarded", L("Trao giải", "awarded")), ("closed", L("Tổng kết", "closed")),
    ]
    public static let roundKind = [
        ("base", L("Cơ sở", "base")), ("preliminary", L("Sơ khảo", "preliminary")),
        ("final", L("Chung khảo", "final")),
    ]
    public static let partKind = [
        ("greeting", L("Chào hỏi", "greeting")), ("knowledge", L("Kiến thức", "knowledge")),
        ("situation", L("Xử lý tình huống", "situation")), ("skit", L("Tiểu phẩm", "skit")),
        ("talent", L("Năng khiếu", "talent")),
    ]
    public static let teamStatus = [
        ("registered", L("Đăng ký", "registered")), ("valid", L("Hợp lệ", "valid")),
        ("preliminary", L("Dự sơ khảo", "in preliminaries")), ("finalist", L("Vào chung khảo", "finalist")),
        ("eliminated", L("Dừng ở sơ khảo", "eliminated")),
    ]
    public static let teamRole = [
        ("captain", L("Đội trưởng", "captain")), ("member", L("Thành viên", "member")),
        ("support", L("Phụ họa", "support")),
    ]
    public static let reportKind = [
        ("interim", L("Sơ kết 6 tháng", "6-month interim")), ("annual", L("Tổng kết năm", "annual")),
        ("multi_year", L("Giai đoạn", "multi-year")),
    ]
}

extension Catalog {
    public static let tables: [Table] = [
        Table(name: "clusters", alias: "cum_thi_dua", label: L("Cụm thi đua", "Emulation clusters"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("number", "so", vi: "Số", en: "Number", .integer, nullable: false),
            Column("name", "ten", vi: "Tên cụm", en: "Name", .text, nullable: false),
            Column("system", "he_thong", vi: "Hệ thống", en: "System", .text, nullable: false),
        ], displayColumn: "name", naturalKey: nil),
        Table(name: "units", alias: "don_vi", label: L("Đơn vị", "Units"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("code", "ma", vi: "Mã đơn vị", en: "Code", .text, nullable: false),
            Column("name", "ten", vi: "Tên đơn vị", en: "Name", .text, nullable: false),
            Column("short_name", "ten_ngan", vi: "Tên ngắn", en: "Short name", .text),
            Column("kind", "loai", vi: "Loại", en: "Kind", .text, nullable: false, codes: Codes.unitKind),
            Column("level", "cap", vi: "Cấp", en: "Level", .text, nullable: false, codes: Codes.unitLevel),
            Column("parent", "don_vi_cha", vi: "Đơn vị cha", en: "Parent", .reference(table: "units")),
            Column("status", "trang_thai", vi: "Trạng thái", en: "Status", .text, nullable: false, codes: Codes.unitStatus),
            Column("valid_from", "hieu_luc_tu", vi: "Hiệu lực từ", en: "Valid from", .date),
            Column("valid_to", "hieu_luc_den", vi: "Hiệu lực đến", en: "Valid to", .date),
            Column("phone", "dien_thoai", vi: "Điện thoại", en: "Phone", .text),
            Column("search_key", "khoa_tim", vi: "Khóa tìm kiếm", en: "Search key", .text, nullable: false, derived: true),
        ], displayColumn: "name", naturalKey: "code"),
        Table(name: "unit_aliases", alias: "bi_danh", label: L("Bí danh đơn vị", "Unit aliases"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị", en: "Unit", .reference(table: "units"), nullable: false),
            Column("alias", "bi_danh", vi: "Bí danh", en: "Alias", .text, nullable: false),
        ], displayColumn: "alias", naturalKey: nil),
        Table(name: "unit_successions", alias: "ke_thua_don_vi", label: L("Kế thừa đơn vị", "Unit successions"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("old_unit", "don_vi_cu", vi: "Đơn vị cũ", en: "Old unit", .reference(table: "units"), nullable: false),
            Column("new_unit", "don_vi_moi", vi: "Đơn vị mới", en: "New unit", .reference(table: "units"), nullable: false),
            Column("effective_on", "ngay_hieu_luc", vi: "Ngày hiệu lực", en: "Effective on", .date, nullable: false),
            Column("basis", "can_cu", vi: "Căn cứ", en: "Legal basis", .text),
            Column("whole", "toan_bo", vi: "Toàn bộ", en: "Whole", .bool, nullable: false),
        ], displayColumn: "basis", naturalKey: nil),
        Table(name: "cluster_members", alias: "thanh_vien_cum", label: L("Thành viên cụm", "Cluster members"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("cluster", "cum", vi: "Cụm", en: "Cluster", .reference(table: "clusters"), nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị", en: "Unit", .reference(table: "units"), nullable: false),
            Column("year", "nam", vi: "Năm", en: "Year", .integer, nullable: false),
            Column("role", "vai_tro", vi: "Vai trò", en: "Role", .text, nullable: false, codes: Codes.memberRole),
        ], displayColumn: "role", naturalKey: nil),
        Table(name: "people", alias: "ca_nhan", label: L("Cá nhân", "People"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("family_name", "ho", vi: "Họ", en: "Family name", .text, nullable: false),
            Column("middle_name", "ten_dem", vi: "Tên đệm", en: "Middle name", .text, nullable: false),
            Column("given_name", "ten", vi: "Tên", en: "Given name", .text, nullable: false),
            Column("full_name", "ho_ten", vi: "Họ và tên", en: "Full name", .text, nullable: false, derived: true),
            Column("gender", "gioi_tinh", vi: "Giới tính", en: "Gender", .text, codes: Codes.gender),
            Column("birth_year", "nam_sinh", vi: "Năm sinh", en: "Birth year", .integer),
            Column("ethnicity", "dan_toc", vi: "Dân tộc", en: "Ethnicity", .text),
            Column("position", "chuc_vu", vi: "Chức vụ", en: "Position", .text),
            Column("unit", "don_vi", vi: "Đơn vị công tác", en: "Unit", .reference(table: "units")),
            Column("party_member", "dang_vien", vi: "Đảng viên", en: "Party member", .bool, nullable: false),
            Column("phone", "dien_thoai", vi: "Điện thoại", en: "Phone", .text),
            Column("search_key", "khoa_tim", vi: "Khóa tìm kiếm", en: "Search key", .text, nullable: false, derived: true),
        ], displayColumn: "full_name", naturalKey: nil),
        Table(name: "fields", alias: "linh_vuc", label: L("Lĩnh vực", "Fields"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("code", "ma", vi: "Mã", en: "Code", .text, nullable: false),
            Column("name", "ten", vi: "Tên lĩnh vực", en: "Name", .text, nullable: false),
            Column("short_name", "ten_ngan", vi: "Tên ngắn", en: "Short name", .text, nullable: false),
        ], displayColumn: "name", naturalKey: "code"),
        Table(name: "movements", alias: "phong_trao", label: L("Phong trào", "Movements"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("name", "ten", vi: "Tên phong trào", en: "Name", .text, nullable: false),
            Column("document_no", "van_ban", vi: "Văn bản phát động", en: "Launching document", .text),
            Column("launched_on", "ngay_phat_dong", vi: "Ngày phát động", en: "Launched on", .date),
            Column("launcher", "co_quan_phat_dong", vi: "Cơ quan phát động", en: "Launched by", .text),
            Column("from_on", "tu_ngay", vi: "Từ ngày", en: "From", .date),
            Column("to_on", "den_ngay", vi: "Đến ngày", en: "To", .date),
        ], displayColumn: "name", naturalKey: nil),
        Table(name: "models", alias: "mo_hinh", label: L("Mô hình", "Models"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("code", "ma", vi: "Mã mô hình", en: "Code", .text, nullable: false),
            Column("title", "ten", vi: "Tên mô hình", en: "Title", .text, nullable: false),
            Column("kind", "loai", vi: "Loại", en: "Kind", .text, nullable: false, codes: Codes.modelKind),
            Column("field", "linh_vuc", vi: "Lĩnh vực", en: "Field", .reference(table: "fields")),
            Column("unit", "don_vi", vi: "Đơn vị chủ trì", en: "Unit", .reference(table: "units"), nullable: false),
            Column("person", "ca_nhan", vi: "Cá nhân", en: "Person", .reference(table: "people")),
            Column("location", "dia_ban", vi: "Địa bàn", en: "Location", .reference(table: "units")),
            Column("movement", "phong_trao", vi: "Phong trào", en: "Movement", .reference(table: "movements")),
            Column("year", "nam", vi: "Năm đăng ký", en: "Year", .integer, nullable: false),
            Column("started_on", "ngay_bat_dau", vi: "Ngày bắt đầu", en: "Started on", .date),
            Column("ended_on", "ngay_ket_thuc", vi: "Ngày kết thúc", en: "Ended on", .date),
            Column("status", "trang_thai", vi: "Trạng thái", en: "Status", .text, nullable: false, codes: Codes.modelStatus),
            Column("recognition_level", "cap_cong_nhan", vi: "Cấp công nhận", en: "Recognition level", .text, codes: Codes.recognitionLevel),
            Column("classification", "phan_loai", vi: "Phân loại", en: "Classification", .text, codes: Codes.classification),
            Column("hotspot", "diem_nong", vi: "Điểm nóng", en: "Hot spot", .bool, nullable: false),
            Column("admin_reform", "cai_cach_hanh_chinh", vi: "Cải cách hành chính", en: "Administrative reform", .bool, nullable: false),
            Column("service_ethics", "dao_duc_cong_vu", vi: "Đạo đức công vụ", en: "Public-service ethics", .bool, nullable: false),
            Column("leader_support", "lanh_dao_ho_tro", vi: "Lãnh đạo hỗ trợ", en: "Leader support", .bool, nullable: false),
            Column("replicated_from", "nhan_rong_tu", vi: "Nhân rộng từ", en: "Replicated from", .reference(table: "models")),
            Column("description", "noi_dung", vi: "Nội dung", en: "Description", .text),
            Column("method", "cach_lam", vi: "Cách làm", en: "Method", .text),
            Column("result", "ket_qua", vi: "Kết quả", en: "Result", .text),
            Column("search_key", "khoa_tim", vi: "Khóa tìm kiếm", en: "Search key", .text, nullable: false, derived: true),
        ], displayColumn: "title", naturalKey: "code"),
        Table(name: "indicators", alias: "chi_so", label: L("Chỉ số", "Indicators"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("model", "mo_hinh", vi: "Mô hình", en: "Model", .reference(table: "models"), nullable: false),
            Column("name", "ten", vi: "Chỉ số", en: "Indicator", .text, nullable: false),
            Column("value", "gia_tri", vi: "Giá trị", en: "Value", .real, nullable: false),
            Column("unit_of_measure", "don_vi_tinh", vi: "Đơn vị tính", en: "Unit of measure", .text, nullable: false),
        ], displayColumn: "name", naturalKey: nil),
        Table(name: "model_partners", alias: "don_vi_phoi_hop", label: L("Đơn vị phối hợp", "Partner units"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("model", "mo_hinh", vi: "Mô hình", en: "Model", .reference(table: "models"), nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị phối hợp", en: "Partner unit", .reference(table: "units"), nullable: false),
        ], displayColumn: "unit", naturalKey: nil),
        Table(name: "model_tags", alias: "chu_de", label: L("Chủ đề", "Topics"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("model", "mo_hinh", vi: "Mô hình", en: "Model", .reference(table: "models"), nullable: false),
            Column("tag", "chu_de", vi: "Chủ đề", en: "Topic", .text, nullable: false),
        ], displayColumn: "tag", naturalKey: nil),
        Table(name: "criteria", alias: "tieu_chi", label: L("Tiêu chí", "Criteria"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("code", "ma", vi: "Mã", en: "Code", .text, nullable: false),
            Column("content", "noi_dung", vi: "Nội dung", en: "Content", .text, nullable: false),
            Column("max_points", "diem_toi_da", vi: "Điểm tối đa", en: "Max points", .real, nullable: false),
            Column("weight", "trong_so", vi: "Trọng số", en: "Weight", .real, nullable: false),
            Column("applies_to", "ap_dung_cho", vi: "Áp dụng cho", en: "Applies to", .text, nullable: false, codes: Codes.modelKind),
        ], displayColumn: "content", naturalKey: "code"),
        Table(name: "evaluations", alias: "danh_gia", label: L("Đánh giá", "Evaluations"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("model", "mo_hinh", vi: "Mô hình", en: "Model", .reference(table: "models"), nullable: false),
            Column("period", "ky", vi: "Kỳ", en: "Period", .text, nullable: false),
            Column("kind", "loai", vi: "Loại", en: "Kind", .text, nullable: false, codes: Codes.evaluationKind),
            Column("level", "cap", vi: "Cấp bình xét", en: "Level", .text, codes: Codes.recognitionLevel),
            Column("evaluated_on", "ngay", vi: "Ngày", en: "Date", .date, nullable: false),
            Column("score", "diem", vi: "Điểm", en: "Score", .real),
            Column("rating", "xep_loai", vi: "Xếp loại", en: "Rating", .text, codes: Codes.rating),
            Column("conclusion", "ket_luan", vi: "Kết luận", en: "Conclusion", .text, codes: Codes.conclusion),
            Column("minutes_no", "bien_ban_so", vi: "Biên bản số", en: "Minutes no.", .text),
        ], displayColumn: "period", naturalKey: nil),
        Table(name: "recognitions", alias: "cong_nhan", label: L("Công nhận", "Recognitions"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("model", "mo_hinh", vi: "Mô hình", en: "Model", .reference(table: "models"), nullable: false),
            Column("level", "cap", vi: "Cấp", en: "Level", .text, nullable: false, codes: Codes.recognitionLevel),
            Column("year", "nam", vi: "Năm", en: "Year", .integer, nullable: false),
            Column("decision_no", "so_quyet_dinh", vi: "Số quyết định", en: "Decision no.", .text, nullable: false),
            Column("decided_on", "ngay_quyet_dinh", vi: "Ngày quyết định", en: "Decided on", .date, nullable: false),
            Column("issuer", "co_quan_ban_hanh", vi: "Cơ quan ban hành", en: "Issuer", .text, nullable: false),
        ], displayColumn: "decision_no", naturalKey: nil),
        Table(name: "award_forms", alias: "hinh_thuc_khen_thuong", label: L("Hình thức khen thưởng", "Award forms"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("code", "ma", vi: "Mã", en: "Code", .text, nullable: false),
            Column("name", "ten", vi: "Tên hình thức", en: "Name", .text, nullable: false),
            Column("kind", "loai", vi: "Loại", en: "Kind", .text, nullable: false, codes: Codes.awardFormKind),
            Column("level", "cap", vi: "Cấp", en: "Level", .text, nullable: false),
            Column("target", "doi_tuong", vi: "Đối tượng", en: "Target", .text, nullable: false, codes: Codes.awardTarget),
            Column("item", "hien_vat", vi: "Hiện vật", en: "Item", .text),
            Column("amount", "muc_thuong", vi: "Mức thưởng", en: "Amount", .integer),
        ], displayColumn: "name", naturalKey: "code"),
        Table(name: "awards", alias: "khen_thuong", label: L("Khen thưởng", "Awards"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("decision_no", "so_quyet_dinh", vi: "Số quyết định", en: "Decision no.", .text, nullable: false),
            Column("decided_on", "ngay_quyet_dinh", vi: "Ngày quyết định", en: "Decided on", .date, nullable: false),
            Column("issuer", "co_quan_ban_hanh", vi: "Cơ quan ban hành", en: "Issuer", .text, nullable: false),
            Column("form", "hinh_thuc", vi: "Hình thức", en: "Form", .reference(table: "award_forms"), nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị", en: "Unit", .reference(table: "units")),
            Column("person", "ca_nhan", vi: "Cá nhân", en: "Person", .reference(table: "people")),
            Column("model", "mo_hinh", vi: "Mô hình", en: "Model", .reference(table: "models")),
            Column("achievement", "thanh_tich", vi: "Thành tích", en: "Achievement", .text, nullable: false),
            Column("amount", "tien_thuong", vi: "Tiền thưởng", en: "Amount", .integer),
            Column("year", "nam", vi: "Năm", en: "Year", .integer, nullable: false),
            Column("status", "trang_thai", vi: "Trạng thái", en: "Status", .text, nullable: false, codes: Codes.awardStatus),
        ], displayColumn: "decision_no", naturalKey: nil),
        Table(name: "contests", alias: "hoi_thi", label: L("Hội thi", "Contests"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("name", "ten", vi: "Tên hội thi", en: "Name", .text, nullable: false),
            Column("year", "nam", vi: "Năm", en: "Year", .integer, nullable: false),
            Column("organizer", "don_vi_to_chuc", vi: "Đơn vị tổ chức", en: "Organizer", .reference(table: "units")),
            Column("level", "cap", vi: "Cấp", en: "Level", .text, nullable: false, codes: Codes.unitLevel),
            Column("plan_no", "so_ke_hoach", vi: "Số kế hoạch", en: "Plan no.", .text),
            Column("plan_on", "ngay_ke_hoach", vi: "Ngày kế hoạch", en: "Plan date", .date),
            Column("final_on", "ngay_chung_khao", vi: "Ngày chung khảo", en: "Final on", .date),
            Column("status", "trang_thai", vi: "Trạng thái", en: "Status", .text, nullable: false, codes: Codes.contestStatus),
        ], displayColumn: "name", naturalKey: nil),
        Table(name: "rounds", alias: "vong_thi", label: L("Vòng thi", "Rounds"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("contest", "hoi_thi", vi: "Hội thi", en: "Contest", .reference(table: "contests"), nullable: false),
            Column("kind", "loai", vi: "Loại vòng", en: "Kind", .text, nullable: false, codes: Codes.roundKind),
            Column("cluster", "cum", vi: "Cụm thi", en: "Cluster", .reference(table: "clusters")),
            Column("held_on", "ngay", vi: "Ngày thi", en: "Held on", .date),
            Column("venue", "dia_diem", vi: "Địa điểm", en: "Venue", .text),
            Column("base_contests", "so_hoi_thi_co_so", vi: "Số hội thi cơ sở", en: "Base contests", .integer),
        ], displayColumn: "kind", naturalKey: nil),
        Table(name: "parts", alias: "phan_thi", label: L("Phần thi", "Contest parts"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("contest", "hoi_thi", vi: "Hội thi", en: "Contest", .reference(table: "contests"), nullable: false),
            Column("position", "thu_tu", vi: "Thứ tự", en: "Order", .integer, nullable: false),
            Column("name", "ten", vi: "Phần thi", en: "Part", .text, nullable: false),
            Column("kind", "loai", vi: "Loại", en: "Kind", .text, nullable: false, codes: Codes.partKind),
            Column("max_points", "diem_toi_da", vi: "Điểm tối đa", en: "Max points", .real, nullable: false),
            Column("minutes", "thoi_luong", vi: "Thời lượng (phút)", en: "Minutes", .integer),
        ], displayColumn: "name", naturalKey: nil),
        Table(name: "teams", alias: "doi_thi", label: L("Đội thi", "Teams"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("contest", "hoi_thi", vi: "Hội thi", en: "Contest", .reference(table: "contests"), nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị dự thi", en: "Unit", .reference(table: "units"), nullable: false),
            Column("cluster", "cum", vi: "Cụm thi", en: "Cluster", .reference(table: "clusters")),
            Column("name", "ten", vi: "Tên đội", en: "Name", .text, nullable: false),
            Column("status", "trang_thai", vi: "Trạng thái", en: "Status", .text, nullable: false, codes: Codes.teamStatus),
            Column("prize", "giai", vi: "Giải", en: "Prize", .text),
        ], displayColumn: "name", naturalKey: nil),
        Table(name: "team_members", alias: "thanh_vien_doi", label: L("Thành viên đội", "Team members"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("team", "doi", vi: "Đội", en: "Team", .reference(table: "teams"), nullable: false),
            Column("person", "ca_nhan", vi: "Cá nhân", en: "Person", .reference(table: "people"), nullable: false),
            Column("role", "vai_tro", vi: "Vai trò", en: "Role", .text, nullable: false, codes: Codes.teamRole),
        ], displayColumn: "role", naturalKey: nil),
        Table(name: "judges", alias: "giam_khao", label: L("Giám khảo", "Judges"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("contest", "hoi_thi", vi: "Hội thi", en: "Contest", .reference(table: "contests"), nullable: false),
            Column("person", "ca_nhan", vi: "Cá nhân", en: "Person", .reference(table: "people"), nullable: false),
            Column("title", "chuc_danh", vi: "Chức danh", en: "Title", .text),
        ], displayColumn: "title", naturalKey: nil),
        Table(name: "scores", alias: "diem", label: L("Điểm", "Scores"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("round", "vong", vi: "Vòng thi", en: "Round", .reference(table: "rounds"), nullable: false),
            Column("team", "doi", vi: "Đội", en: "Team", .reference(table: "teams"), nullable: false),
            Column("part", "phan_thi", vi: "Phần thi", en: "Part", .reference(table: "parts"), nullable: false),
            Column("judge", "giam_khao", vi: "Giám khảo", en: "Judge", .reference(table: "judges"), nullable: false),
            Column("points", "diem", vi: "Điểm", en: "Points", .real, nullable: false),
        ], displayColumn: "points", naturalKey: nil),
        Table(name: "reports", alias: "bao_cao", label: L("Báo cáo", "Reports"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị", en: "Unit", .reference(table: "units"), nullable: false),
            Column("period", "ky", vi: "Kỳ báo cáo", en: "Period", .text, nullable: false),
            Column("kind", "loai", vi: "Loại", en: "Kind", .text, nullable: false, codes: Codes.reportKind),
            Column("due_on", "han_nop", vi: "Hạn nộp", en: "Due on", .date, nullable: false),
            Column("submitted_on", "ngay_nop", vi: "Ngày nộp", en: "Submitted on", .date),
        ], displayColumn: "period", naturalKey: nil),
        Table(name: "inspections", alias: "kiem_tra", label: L("Kiểm tra", "Inspections"), columns: [
            Column("id", "id", vi: "Mã số", en: "Id", .integer, nullable: false),
            Column("unit", "don_vi", vi: "Đơn vị được kiểm tra", en: "Unit", .reference(table: "units"), nullable: false),
            Column("inspected_on", "ngay", vi: "Ngày kiểm tra", en: "Inspected on", .date, nullable: false),
            Column("inspector", "doan_kiem_tra", vi: "Đoàn kiểm tra", en: "Inspector", .text, nullable: false),
            Column("content", "noi_dung", vi: "Nội dung", en: "Content", .text, nullable: false),
            Column("conclusion", "ket_luan", vi: "Kết luận", en: "Conclusion", .text),
            Column("recommendations", "kien_nghi", vi: "Kiến nghị", en: "Recommendations", .text),
            Column("fix_by", "han_khac_phuc", vi: "Hạn khắc phục", en: "Fix by", .date),
        ], displayColumn: "content", naturalKey: nil),
    ]
}
