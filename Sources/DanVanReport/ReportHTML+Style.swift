// The HTML report's style sheet, inline in every file. Margins, font and sizes follow the
// presentation rules for Vietnamese administrative documents (Decree 30/2020/NĐ-CP, annex I):
// A4 portrait, top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm, Times New
// Roman 13–14 pt. On screen the page is drawn as a sheet of paper with those margins.
// Liberation Serif and DejaVu Serif follow Times New Roman in the font stack: they carry every
// Vietnamese letter and are what a Linux machine without Microsoft's fonts has.
extension ReportHTML {
    static let css = """
        @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
        html { background: #e8e8e8; }
        body { margin: 0; color: #000; font-family: "Times New Roman", Times, "Liberation Serif", Tinos, "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; }
        .page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 0 3mm rgba(0,0,0,0.25); }
        @media print {
          html { background: none; }
          .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
        }
        table.heading-block { width: 100%; border-collapse: collapse; margin: 0 0 6mm; }
        table.heading-block td { vertical-align: top; text-align: center; padding: 0; }
        td.issuer { width: 40%; font-size: 13pt; }
        td.motto-cell { width: 60%; }
        .issuer-name { font-weight: bold; }
        .number { white-space: pre; }
        .rule { width: 35%; margin: 1pt auto 4pt; border-top: 1px solid #000; }
        .motto { font-weight: bold; font-size: 12.5pt; white-space: nowrap; }
        .motto .ruled { display: inline-block; padding-bottom: 1pt; border-bottom: 1px solid #000; font-size: 13.5pt; }
        .place-date { margin-top: 6pt; font-style: italic; }
        h1.title { margin: 8mm 0 0; text-align: center; font-size: 14pt; font-weight: bold; }
        p.subtitle { margin: 2pt 0 0; text-align: center; font-weight: bold; text-indent: 0; }
        .title-rule { width: 25%; margin: 3pt auto 6mm; border-top: 1px solid #000; }
        h2 { margin: 5mm 0 2mm; font-size: 13pt; font-weight: bold; page-break-after: avoid; }
        h3 { margin: 4mm 0 2mm; font-size: 13pt; font-weight: bold; font-style: italic; page-break-after: avoid; }
        h4, h5 { margin: 3mm 0 1mm; font-size: 13pt; font-weight: normal; font-style: italic; page-break-after: avoid; }
        p { margin: 0 0 4pt; text-align: justify; text-indent: 10mm; }
        table.data { width: 100%; margin: 2mm 0 4mm; border-collapse: collapse; font-size: 12pt; }
        table.data caption { margin-bottom: 2pt; font-weight: bold; text-align: center; }
        table.data thead { display: table-header-group; }
        table.data tr { page-break-inside: avoid; }
        table.data th, table.data td { padding: 2pt 5pt; border: 1px solid #000; vertical-align: top; }
        table.data th { font-weight: bold; text-align: center; background: #f0f0f0; }
        table.data td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.data td.empty { font-style: italic; text-align: center; }
        table.data.wide { font-size: 10pt; }
        table.data.wide th, table.data.wide td { padding: 1pt 3pt; }
        p.note { margin-top: -2mm; font-size: 11.5pt; font-style: italic; text-indent: 0; }
        .placeholder { min-height: 16mm; margin: 3mm 0; padding: 3mm 4mm; border: 1.5px dashed #555; color: #333; font-style: italic; }
        .page-break { height: 0; break-after: page; page-break-after: always; }
        @media screen { .page-break { margin: 8mm -15mm 8mm -30mm; border-top: 2px dashed #aaa; } }
        figure.chart { margin: 4mm 0; text-align: center; page-break-inside: avoid; }
        figure.chart figcaption { margin-bottom: 2mm; font-weight: bold; }
        figure.chart svg { max-width: 100%; height: auto; }
        table.signature { width: 100%; margin-top: 10mm; border-collapse: collapse; page-break-inside: avoid; }
        table.signature td { vertical-align: top; padding: 0; }
        td.recipients { width: 50%; font-size: 11pt; }
        .recipients-title { font-weight: bold; font-style: italic; font-size: 12pt; }
        td.recipients ul { margin: 0; padding: 0; list-style: none; }
        td.recipients li::before { content: "- "; }
        td.signer { text-align: center; }
        .signer-title { font-weight: bold; text-transform: uppercase; }
        .signer-name { margin-top: 24mm; font-weight: bold; }

        """
}
