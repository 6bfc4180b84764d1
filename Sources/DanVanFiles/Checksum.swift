// CRC-32 (the IEEE polynomial of zip, PNG and `gzip`), for the manifest of an export folder:
// cheap enough to compute while the bytes are written, strong enough to tell a file of
// another export (or a half-written one) from the one the manifest lists. It guards against
// accidents, not against someone forging a file.
public struct CRC32: Sendable, Equatable {
    public private(set) var value: UInt32 = 0

    public init() {}

    /// Takes a value read back from a manifest.
    public mutating func set(_ value: UInt32) { self.value = value }

    /// The table of the reflected polynomial 0xEDB88320, built once.
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var crc = ~value
        Self.table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        value = ~crc
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Eight lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
