/// A pinned array in the cache: its count, padding to its elements' alignment, and the elements
/// as they are in memory (little-endian), so that reading uses them where they lie in the
/// mapped file. Any other coder gets a plain list of the elements.
extension PinnedArray: Encodable where Element: Encodable {
    func encode(to encoder: any Encoder) throws {
        if let cache = encoder as? TableEncoder {
            cache.output.writer.write(self)
            return
        }
        var container = encoder.unkeyedContainer()
        for element in self { try container.encode(element) }
    }
}

extension PinnedArray: Decodable where Element: Decodable {
    init(from decoder: any Decoder) throws {
        if let cache = decoder as? TableDecoder {
            self = try cache.input.reader.readPinned(Element.self)
            return
        }
        var container = try decoder.unkeyedContainer()
        var elements: [Element] = []
        while !container.isAtEnd { elements.append(try container.decode(Element.self)) }
        self.init(elements)
    }
}
