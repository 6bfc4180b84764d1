// The native trim gives what Foundation's `trimmingCharacters(in: .whitespaces)` gives.
import Foundation
import Testing
import VietText

struct TrimTests {
    @Test(arguments: [
        "", " ", "\t", "  a b  ", "\ta\t", "\u{00A0}đơn vị\u{3000}", "x", " \n a \n ",
        "\u{2003}Nguyễn\u{202F}", " e\u{0301} ", " \u{0301}", "a\r", "\u{200B}a\u{200B}",
        "\u{1680}\u{205F}a\u{180E}", "\u{2028}a\u{FEFF}",
    ])
    func sameAsFoundation(text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        let padded = "#" + text + "#"
        let inner = padded.dropFirst().dropLast()
        #expect(inner.trimmingSpaces() == inner.trimmingCharacters(in: .whitespaces))
    }

    @Test func lineBreaksStay() {
        #expect(" \na\n ".trimmingSpaces() == "\na\n")
    }
}
