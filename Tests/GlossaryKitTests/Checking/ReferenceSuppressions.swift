@testable import GlossaryKit

/// The suppression directives read the plain way, each line searched afresh for every directive
/// and every directive asked about every finding: slow on hostile input, but plain to check
/// `Suppressions` against.
struct ReferenceSuppressions {
    var directives: [Suppressions.Directive] = []

    init(_ source: SourceText, markdown: Bool, knownRules: Set<String>) {
        let bytes = source.bytes
        func starts(_ literal: String, at index: Int) -> Bool {
            let pattern = Array(literal.utf8)
            return index >= 0 && index + pattern.count <= bytes.count && Array(bytes[index..<(index + pattern.count)]) == pattern
        }
        func find(_ literal: String, from start: Int) -> Int? {
            guard start <= bytes.count else { return nil }
            return (start..<bytes.count).first { starts(literal, at: $0) }
        }
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80
        }
        func keyword(at index: Int) -> (Suppressions.Kind, Int)? {
            for kind in [Suppressions.Kind.ignore, .disable, .enable] where starts(kind.rawValue, at: index) {
                let end = index + kind.rawValue.utf8.count
                if end < bytes.count, isWordByte(bytes[end]) { continue }
                return (kind, kind.rawValue.utf8.count)
            }
            return nil
        }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let fenced = markdown ? MarkdownMasker.fencedCodeBlocks(bytes) : []
        var candidates: [(offset: Int, argumentEnd: Int, trailingEnd: Int?)] = []
        var index = source.contentStart
        if markdown {
            while let open = find("<!--", from: index) {
                let close = find("-->", from: open + 4) ?? bytes.count
                index = min(bytes.count, close + 3)
                if fenced.contains(where: { $0.contains(open) }) { continue }
                var start = open + 4
                while start < close, blank(bytes[start]) || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
                if keyword(at: start) != nil { candidates.append((start, close, min(bytes.count, close + 3))) }
            }
        } else {
            while let found = find("glossary-", from: index) {
                index = found + 9
                guard keyword(at: found) != nil, found == 0 || !isWordByte(bytes[found - 1]) else { continue }
                candidates.append((found, bytes[found...].firstIndex(of: 0x0A) ?? bytes.count, nil))
            }
        }
        for candidate in candidates {
            let (kind, length) = keyword(at: candidate.offset)!
            var rules: Set<String> = []
            var cursor = candidate.offset + length
            while cursor < candidate.argumentEnd {
                let byte = bytes[cursor]
                if blank(byte) || byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { cursor += 1; continue }
                var end = cursor
                while end < candidate.argumentEnd, !blank(bytes[end]), ![UInt8(ascii: ","), 0x0D, 0x0A].contains(bytes[end]) {
                    end += 1
                }
                let word = String(decoding: bytes[cursor..<end], as: UTF8.self)
                if word.hasPrefix("--") || !knownRules.contains(word) { break }
                rules.insert(word)
                cursor = end
            }
            let lineStart = bytes[..<candidate.offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? source.contentStart
            var alone = bytes[lineStart..<candidate.offset].allSatisfy { blank($0) || Array("#/%;-*<!>".utf8).contains($0) }
            let line = source.line(containing: candidate.offset)
            var lastLine = line
            if let trailingEnd = candidate.trailingEnd {
                let afterEnd = bytes[trailingEnd...].firstIndex(of: 0x0A) ?? bytes.count
                alone = alone && bytes[trailingEnd..<afterEnd].allSatisfy { blank($0) || $0 == 0x0D }
                lastLine = source.line(containing: max(candidate.offset, trailingEnd - 1))
            }
            directives.append(
                Suppressions.Directive(
                    kind: kind, rules: rules.isEmpty ? nil : rules, line: line, offset: candidate.offset,
                    targetLine: alone ? lastLine + 1 : line))
        }
    }

    func suppresses(rule: String, line: Int, offset: Int) -> Bool {
        var disabled = false
        for directive in directives where directive.rules?.contains(rule) ?? true {
            switch directive.kind {
            case .ignore: if directive.targetLine == line { return true }
            case .disable: if directive.offset < offset { disabled = true }
            case .enable: if directive.offset < offset { disabled = false }
            }
        }
        return disabled
    }
}
