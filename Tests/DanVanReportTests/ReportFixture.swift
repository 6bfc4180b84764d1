// A fixed document for the writers' snapshot tests: every kind of block, a date cell, a
// decimal, a null, text that must be escaped, and numbers that Vietnamese groups (1.808).
import DanVanOutput
import DanVanReport
import Foundation
import VietText

enum ReportFixture {
    static let fieldTable = ReportTable(
        title: "Mô hình theo lĩnh vực",
        note: "Nguồn: <dữ liệu mẫu> & \"demo\"",
        model: TableModel(columns: [TableModel.Column(name: "field", label: "Lĩnh vực"),
                                    TableModel.Column(name: "n", label: "Số mô hình"),
                                    TableModel.Column(name: "score", label: "Điểm"),
                                    TableModel.Column(name: "started_on", label: "Ngày bắt đầu"),
                                    TableModel.Column(name: "year", label: "Năm", groupsDigits: false)],
                          rows: [[.text("Kinh tế"), .integer(1808), .decimal(92.125), .text("15/10/2024"), .integer(2024)],
                                 [.text("Văn hóa, xã hội"), .integer(42), .null, .text("01/02/2023"), .integer(2023)]]),
        dates: [0: [3: DateParts(year: 2024, month: 10, day: 15)], 1: [3: DateParts(year: 2023, month: 2, day: 1)]])

    static let figures = ReportFigures(title: "Số liệu chính", items: [
        .init(label: "Mô hình đăng ký", value: .integer(1808), previous: .integer(1532)),
        .init(label: "Mô hình bị loại", value: .integer(12), previous: .integer(24)),
        .init(label: "Cụm thi đua", value: .integer(7), previous: .integer(7)),
    ])

    static let chart = ReportChart(kind: .bar, title: "Biểu đồ", categories: ["Kinh tế", "Văn hóa, xã hội"],
                                   series: [TerminalChart.Series(name: "Số mô hình", values: [1808, 42])], xLabel: "Lĩnh vực")

    static let document = ReportDocument(
        title: "BÁO CÁO", subtitle: "Sơ kết 6 tháng đầu năm 2024", issuer: "BAN DÂN VẬN", parentIssuer: "THÀNH ỦY HÀ NỘI",
        number: "125-BC/BDVTU", place: "Hà Nội", date: nil, motto: .state, signer: "Nguyễn Thị Lan",
        signerTitle: "Trưởng ban", recipients: ["Thường trực Thành ủy", "Lưu VP"], lang: .vi,
        blocks: [.heading("I. KẾT QUẢ", level: 1), .paragraph("Có 1.808 mô hình."), .figures(figures),
                 .table(fieldTable), .chart(chart), .placeholder("Đánh giá chung"), .pageBreak,
                 .heading("Phương hướng", level: 2)])
}
