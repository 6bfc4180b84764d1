// `nfc` skips Foundation's normaliser for text that `isCertainlyNFC` vouches for: check the
// vouched ranges against Foundation scalar by scalar and in pairs, and that everything else
// (combining marks, NFD text) still goes through it.
import Foundation
import Testing
@testable import VietText

@Suite struct NFCFastPathTests {
    static let vouched: [Unicode.Scalar] = (Array(0x0001..<0x0300) + Array(0x1E00..<0x1F00) + Array(0x2002..<0x2070))
        .compactMap { Unicode.Scalar(UInt32($0)) }

    @Test func everyVouchedScalarAndPairIsAlreadyNFC() {
        for scalar in Self.vouched {
            let text = String(scalar)
            #expect(String.isCertainlyNFC(text))
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
        }
        // Pairs: no vouched scalar composes with the one before it.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let a = Self.vouched.randomElement(using: &generator) ?? "a", b = Self.vouched.randomElement(using: &generator) ?? "b"
            var text = ""
            text.unicodeScalars.append(a)
            text.unicodeScalars.append(b)
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
        }
    }

    @Test func textOutsideTheRangesStillGoesThroughTheNormaliser() {
        let decomposed = "Hoa\u{0300}"   // "Hoà" written with a combining grave
        #expect(!String.isCertainlyNFC(decomposed))
        #expect(decomposed.nfc.unicodeScalars.map(\.value) == [0x48, 0x6F, 0xE0])
        #expect("\u{2126}".nfc == "\u{03A9}")          // OHM SIGN → GREEK CAPITAL OMEGA
        #expect("Phường Tân Hòa – “Dân vận khéo”".nfc == "Phường Tân Hòa – “Dân vận khéo”")
        #expect(String.isCertainlyNFC("Phường Tân Hòa – “Dân vận khéo”"))
    }
}
