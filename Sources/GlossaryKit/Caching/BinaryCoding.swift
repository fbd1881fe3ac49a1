/// Appends values to a byte buffer in a fixed little-endian layout, for the glossary cache.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(Int32(truncatingIfNeeded: value)) }

    mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(Int32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// A whole array of 32-bit integers at once.
    mutating func write(_ values: [Int32]) {
        write(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ values: [UInt32]) {
        write(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `BinaryWriter` wrote; every read checks bounds, so a truncated or corrupt cache
/// file is an error, never a crash.
struct BinaryReader {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readByte() throws(Corrupt) -> UInt8 {
        guard offset < bytes.count else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func readRaw<T: FixedWidthInteger>(_ type: T.Type) throws(Corrupt) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw Corrupt() }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + size)]))
            }
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readInt32() throws(Corrupt) -> Int32 { try readRaw(Int32.self) }
    mutating func readUInt32() throws(Corrupt) -> UInt32 { try readRaw(UInt32.self) }
    mutating func readUInt64() throws(Corrupt) -> UInt64 { try readRaw(UInt64.self) }

    mutating func readInt() throws(Corrupt) -> Int {
        let value = Int(try readInt32())
        guard value >= 0 else { throw Corrupt() }
        return value
    }

    mutating func readBool() throws(Corrupt) -> Bool { try readByte() != 0 }

    mutating func readString() throws(Corrupt) -> String {
        let count = try readInt()
        guard offset + count <= bytes.count else { throw Corrupt() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func readOptionalString() throws(Corrupt) -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readInt32Array() throws(Corrupt) -> [Int32] {
        let count = try readInt()
        guard offset + count * 4 <= bytes.count else { throw Corrupt() }
        var result = [Int32](repeating: 0, count: count)
        result.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * 4)]))
            }
        }
        offset += count * 4
        return result.map { Int32(littleEndian: $0) }
    }

    mutating func readUInt32Array() throws(Corrupt) -> [UInt32] {
        try readInt32Array().map { UInt32(bitPattern: $0) }
    }
}
