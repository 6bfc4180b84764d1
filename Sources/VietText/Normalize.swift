// Normalisation and the diacritic-free search key (domain.md §5).
// Text is stored NFC; search compares `fold`ed keys: NFD, drop combining marks,
// đ → d by hand (it does not decompose), case-fold, collapse whitespace.
import Foundation

extension String {
    /// The NFC (precomposed) form, which the store writes.
    public var nfc: String { precomposedStringWithCanonicalMapping }

    /// True when the text is already in NFC.
    public var isNFC: Bool {
        let composed = precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.elementsEqual(unicodeScalars)
    }
}

public enum VietFold {
    /// The diacritic-free, case-folded search key: "Đảng ủy  Phường" → "dang uy phuong".
    /// The look-alikes of Đ (U+00D0 Ð, U+0189 Ɖ) fold to "d" too.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            if (0x0300...0x036F).contains(value) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch value {
            case 0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256:
                out.append("d")
            default:
                for lowered in String(scalar).lowercased().unicodeScalars { out.append(lowered) }
            }
        }
        return String(out)
    }

    /// True when every word of `query` occurs, in order, in `text`, comparing folded keys:
    /// `matches("Dân vận khéo Hà Nội", "dan van kheo")`.
    public static func contains(_ text: String, words query: String) -> Bool {
        let key = fold(text)
        let needle = fold(query)
        if needle.isEmpty { return true }
        return key.range(of: needle) != nil
    }
}
