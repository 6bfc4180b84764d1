// Texts built from pieces in one allocation: interpolation (`"mô hình {i}"`) and `join`.
//
// Appending to a `String` piece by piece costs a few hundred instructions an append (checks of
// capacity, of small and native forms, of ASCII-ness) and grows the storage as it goes: in the
// strings workload that was most of the time. Here the result's length is known first, and the
// bytes are copied once into a string made with exactly that capacity.

enum TextBuilding {
    /// The text `prefix` + `value` as `print` writes it + `suffix`.
    static func interpolate(_ prefix: [UInt8], _ value: Value, _ suffix: [UInt8]) throws(RuntimeError) -> String {
        switch value {
        case .int(let number):
            return withDigits(of: number) { digits in concatenate(prefix, digits, suffix) }
        case .text(var text):
            try Limits.checkText(bytes: prefix.count + text.utf8.count + suffix.count)
            return text.withUTF8 { concatenate(prefix, $0, suffix) }
        default:
            var written = ""
            value.write(to: &written, nested: false)
            try Limits.checkText(bytes: prefix.count + written.utf8.count + suffix.count)
            return written.withUTF8 { concatenate(prefix, $0, suffix) }
        }
    }

    /// The items with `separator` between them, or nil when one is not a text (then the
    /// caller writes each as `print` would). Texts only is the usual case: their bytes are
    /// counted, then copied once into a text of the right size.
    /// A result past `Limits` is an error before anything is allocated.
    static func join(_ items: [Value], separator: String) throws(RuntimeError) -> String? {
        var total = 0
        for item in items {
            guard case .text(let text) = item else { return nil }
            total &+= text.utf8.count
        }
        let (separators, overflow) = separator.utf8.count.multipliedReportingOverflow(by: max(0, items.count - 1))
        total = overflow ? Int.max : total.addingReportingOverflow(separators).overflow ? Int.max : total + separators
        try Limits.checkText(bytes: total)
        var separator = separator
        return separator.withUTF8 { separatorBytes -> String? in
            return String(unsafeUninitializedCapacity: total) { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                var position = 0
                for (index, item) in items.enumerated() {
                    guard case .text(var text) = item else { continue }
                    if index > 0, let from = separatorBytes.baseAddress {
                        (base + position).initialize(from: from, count: separatorBytes.count)
                        position += separatorBytes.count
                    }
                    text.withUTF8 { bytes in
                        if let from = bytes.baseAddress { (base + position).initialize(from: from, count: bytes.count) }
                        position += bytes.count
                    }
                }
                return position
            }
        }
    }

    private static func concatenate(_ prefix: [UInt8], _ middle: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: prefix.count + middle.count + suffix.count) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var position = 0
            prefix.withUnsafeBufferPointer { bytes in
                if let from = bytes.baseAddress { base.initialize(from: from, count: bytes.count) }
                position = bytes.count
            }
            if let from = middle.baseAddress { (base + position).initialize(from: from, count: middle.count) }
            position += middle.count
            suffix.withUnsafeBufferPointer { bytes in
                if let from = bytes.baseAddress { (base + position).initialize(from: from, count: bytes.count) }
                position += bytes.count
            }
            return position
        }
    }

    /// Calls `body` with the decimal digits of `number` (and its sign), written on the stack.
    private static func withDigits<R>(of number: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // 20 bytes: 19 digits of the largest magnitude and a sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = number.magnitude
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 { start -= 1; buffer[start] = 45 }
            return body(UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }
}
