import Foundation

/// The glossary model in the cache's binary layout.
///
/// What repeats on every term is written once: language tags and source file paths go to tables
/// and terms refer to them by index, so that decoding shares one string among all the terms of a
/// file instead of allocating a copy of its path per term. Enumerations are written as indices
/// into tables of their raw values, so that a reordered or renamed case makes an old cache
/// unreadable (rebuilt) rather than silently misread. Absent optional fields cost one bit.
extension BinaryWriter {
    /// Distinct values in first-seen order, with the index of each.
    struct Interner<Value: Hashable> {
        private(set) var values: [Value] = []
        private var indices: [Value: Int] = [:]

        mutating func index(of value: Value) -> Int {
            if let index = indices[value] { return index }
            indices[value] = values.count
            values.append(value)
            return values.count - 1
        }
    }

    /// The raw values of an enumeration's cases, in declaration order.
    mutating func writeCases<Value: CaseIterable & RawRepresentable>(of type: Value.Type) where Value.RawValue == String {
        let cases = Array(Value.allCases)
        write(cases.count)
        for value in cases { write(value.rawValue) }
    }

    /// The index of `value` among its type's cases, as `writeCases` listed them.
    mutating func writeCase<Value: CaseIterable & Equatable>(_ value: Value) {
        let cases = Value.allCases
        let index = cases.firstIndex(of: value)!
        write(cases.distance(from: cases.startIndex, to: index))
    }

    mutating func write(_ glossary: Glossary) {
        // The body first, into a writer of its own, so that the tables it fills can precede it.
        var tags = Interner<LanguageTag>(), files = Interner<String>()
        var body = BinaryWriter()
        body.write(glossary.name)
        body.write(glossary.requiredLanguages.count)
        for tag in glossary.requiredLanguages { body.write(tags.index(of: tag)) }
        body.write(glossary.properties, tags: &tags)
        body.write(glossary.concepts.count)
        // The concepts in parts, each with its concept count and byte length first, so that a
        // reader can decode the parts on several cores at once.
        let parts = Self.conceptParts(glossary.concepts.count)
        body.write(parts.count)
        for part in parts {
            var concepts = BinaryWriter()
            for concept in glossary.concepts[part] { concepts.write(concept, tags: &tags, files: &files) }
            body.write(part.count)
            body.write(concepts.bytes.count)
            body.append(concepts)
        }
        writeCases(of: TermStatus.self)
        writeCases(of: TermType.self)
        writeCases(of: MatchMode.self)
        write(tags.values.count)
        for tag in tags.values { write(tag.rawValue) }
        write(files.values.count)
        for file in files.values { write(file) }
        append(body)
    }

    /// How the concepts are cut into parts: one part for a small glossary (a thread would cost
    /// more than it saves), else four, which two to four cores decode at once.
    static func conceptParts(_ count: Int) -> [Range<Int>] {
        let parts = count < 4096 ? min(count, 1) : 4
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    private mutating func write(_ concept: Concept, tags: inout Interner<LanguageTag>, files: inout Interner<String>) {
        write(concept.id)
        var present: UInt8 = 0
        if concept.definition != nil { present |= 1 }
        if concept.subject != nil { present |= 2 }
        if concept.note != nil { present |= 4 }
        if !concept.properties.isEmpty { present |= 8 }
        if concept.location != nil { present |= 16 }
        write(present)
        if let definition = concept.definition { write(definition) }
        if let subject = concept.subject { write(subject) }
        if let note = concept.note { write(note) }
        if !concept.properties.isEmpty { write(concept.properties, tags: &tags) }
        if let location = concept.location { write(location, files: &files) }
        write(concept.terms.count)
        for term in concept.terms { write(term, tags: &tags, files: &files) }
    }

    private mutating func write(_ location: SourceLocation, files: inout Interner<String>) {
        write(files.index(of: location.file))
        write(max(location.line, 0))
        write(max(location.column, 0))
    }

    private mutating func write(_ properties: [Property], tags: inout Interner<LanguageTag>) {
        write(properties.count)
        for property in properties {
            write(property.name)
            write(property.value)
            // 0 for none, else the tag's index + 1.
            write(property.language.map { tags.index(of: $0) + 1 } ?? 0)
        }
    }

    private mutating func write(_ term: Term, tags: inout Interner<LanguageTag>, files: inout Interner<String>) {
        write(term.text)
        write(tags.index(of: term.language))
        writeCase(term.status)
        writeCase(term.type)
        writeCase(term.matchMode)
        var bits: UInt16 = 0
        if term.isCaseSensitive { bits |= 1 }
        if term.allowsPluralInfix { bits |= 2 }
        // Two bits: 0 unset, 1 no, 2 yes.
        bits |= UInt16(term.foldsAccents.map { $0 ? 2 : 1 } ?? 0) << 2
        if !term.forms.isEmpty { bits |= 16 }
        if term.note != nil { bits |= 32 }
        if term.partOfSpeech != nil { bits |= 64 }
        if term.context != nil { bits |= 128 }
        if !term.properties.isEmpty { bits |= 256 }
        if term.location != nil { bits |= 512 }
        if !term.exceptions.isEmpty { bits |= 1024 }
        write(Int(bits))
        if !term.forms.isEmpty {
            write(term.forms.count)
            for form in term.forms { write(form) }
        }
        if let note = term.note { write(note) }
        if let partOfSpeech = term.partOfSpeech { write(partOfSpeech) }
        if let context = term.context { write(context) }
        if !term.properties.isEmpty { write(term.properties, tags: &tags) }
        if let location = term.location { write(location, files: &files) }
        if !term.exceptions.isEmpty {
            write(term.exceptions.count)
            for exception in term.exceptions {
                write(exception.text)
                // 0 for none, else 1 and the location.
                write(exception.location == nil ? 0 : 1)
                if let location = exception.location { write(location, files: &files) }
            }
        }
    }
}

extension BinaryReader {
    /// The tables a glossary's body refers to.
    struct GlossaryTables {
        var statuses: [TermStatus]
        var types: [TermType]
        var modes: [MatchMode]
        var tags: [LanguageTag]
        var files: [String]
    }

    /// The number of elements that follow; each takes a byte at least, so a count beyond the
    /// remaining bytes is corrupt (and never reserves memory).
    mutating func readElementCount() throws(Corrupt) -> Int {
        try readCount(atMost: count - offset)
    }

    /// The cases `BinaryWriter.writeCases` listed, each of which must still exist.
    mutating func readCases<Value: RawRepresentable>(of type: Value.Type) throws(Corrupt) -> [Value]
    where Value.RawValue == String {
        var cases: [Value] = []
        for _ in 0..<(try readElementCount()) {
            guard let value = Value(rawValue: try readString()) else { throw Corrupt() }
            cases.append(value)
        }
        return cases
    }

    /// A language tag given as text, parsed once per distinct text.
    mutating func readTag(_ known: inout [String: LanguageTag]) throws(Corrupt) -> LanguageTag {
        let text = try readString()
        if let tag = known[text] { return tag }
        guard let tag = LanguageTag(text) else { throw Corrupt() }
        known[text] = tag
        return tag
    }

    private mutating func readLocation(_ tables: GlossaryTables) throws(Corrupt) -> SourceLocation {
        let file = try readIndex(below: tables.files.count)
        let line = try readInt(), column = try readInt()
        return SourceLocation(file: tables.files[file], line: line, column: column)
    }

    private mutating func readProperties(_ tables: GlossaryTables) throws(Corrupt) -> [Property] {
        let count = try readElementCount()
        var result: [Property] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let name = try readString()
            let value = try readString()
            let language = try readIndex(below: tables.tags.count + 1)
            result.append(Property(name: name, value: value, language: language == 0 ? nil : tables.tags[language - 1]))
        }
        return result
    }

    private mutating func readTerm(_ tables: GlossaryTables) throws(Corrupt) -> Term {
        let text = try readString()
        let language = tables.tags[try readIndex(below: tables.tags.count)]
        let status = tables.statuses[try readIndex(below: tables.statuses.count)]
        let type = tables.types[try readIndex(below: tables.types.count)]
        let mode = tables.modes[try readIndex(below: tables.modes.count)]
        let bits = try readInt()
        let folds = (bits >> 2) & 3
        guard folds != 3 else { throw Corrupt() }
        var forms: [String] = []
        if bits & 16 != 0 {
            let count = try readElementCount()
            forms.reserveCapacity(count)
            for _ in 0..<count { forms.append(try readString()) }
        }
        let note = bits & 32 != 0 ? try readString() : nil
        let partOfSpeech = bits & 64 != 0 ? try readString() : nil
        let context = bits & 128 != 0 ? try readString() : nil
        let properties = bits & 256 != 0 ? try readProperties(tables) : []
        let location = bits & 512 != 0 ? try readLocation(tables) : nil
        var exceptions: [TermException] = []
        if bits & 1024 != 0 {
            let count = try readElementCount()
            exceptions.reserveCapacity(count)
            for _ in 0..<count {
                let text = try readString()
                let place = try readIndex(below: 2) == 1 ? try readLocation(tables) : nil
                exceptions.append(TermException(text, location: place))
            }
        }
        return Term(
            text: text, language: language, status: status, type: type, isCaseSensitive: bits & 1 != 0,
            foldsAccents: folds == 0 ? nil : folds == 2, matchMode: mode, forms: forms, allowsPluralInfix: bits & 2 != 0,
            exceptions: exceptions, note: note, partOfSpeech: partOfSpeech, context: context, properties: properties,
            location: location)
    }

    /// Reads a glossary written by `BinaryWriter.write(_: Glossary)`.
    ///
    /// - Returns: the glossary and the number of terms of each concept (to check references
    ///   into it without touching the concepts again).
    /// - Complexity: O(*n*) in the glossary's size; one allocation per concept's terms and per
    ///   string longer than 15 bytes, nothing per repeated tag or file path.
    mutating func readGlossary() throws(Corrupt) -> (glossary: Glossary, termCounts: [Int32]) {
        let statuses = try readCases(of: TermStatus.self)
        let types = try readCases(of: TermType.self)
        let modes = try readCases(of: MatchMode.self)
        var known: [String: LanguageTag] = [:]
        var tags: [LanguageTag] = []
        for _ in 0..<(try readElementCount()) { tags.append(try readTag(&known)) }
        var files: [String] = []
        for _ in 0..<(try readElementCount()) { files.append(try readString()) }
        let tables = GlossaryTables(statuses: statuses, types: types, modes: modes, tags: tags, files: files)

        var glossary = Glossary(name: try readOptionalString())
        for _ in 0..<(try readElementCount()) {
            glossary.requiredLanguages.append(tags[try readIndex(below: tags.count)])
        }
        glossary.properties = try readProperties(tables)
        let count = try readElementCount()
        // The parts of the concepts: each is read by a reader of its own, on its own core.
        let partCount = try readCount(atMost: count)
        var partList: [(concepts: Int, reader: BinaryReader)] = []
        for _ in 0..<partCount {
            let concepts = try readCount(atMost: count)
            let length = try readElementCount()
            partList.append((concepts, try slice(length: length)))
            try skip(length)
        }
        let parts = partList
        guard parts.reduce(0, { $0 + $1.concepts }) == count else { throw Corrupt() }
        let decoded = DecodedParts(count: parts.count)
        let work = { @Sendable (index: Int) in
            var reader = parts[index].reader
            decoded.set(
                index,
                Result { () throws(Corrupt) in
                    var concepts: [Concept] = []
                    var termCounts: [Int32] = []
                    concepts.reserveCapacity(parts[index].concepts)
                    termCounts.reserveCapacity(parts[index].concepts)
                    for _ in 0..<parts[index].concepts {
                        let (concept, termCount) = try reader.readConcept(tables)
                        concepts.append(concept)
                        termCounts.append(termCount)
                    }
                    guard reader.isAtEnd else { throw Corrupt() }
                    return (concepts, termCounts)
                })
        }
        if parts.count > 1 && ProcessInfo.processInfo.activeProcessorCount > 1 {
            DispatchQueue.concurrentPerform(iterations: parts.count, execute: work)
        } else {
            for index in parts.indices { work(index) }
        }
        glossary.concepts.reserveCapacity(count)
        var termCounts: [Int32] = []
        termCounts.reserveCapacity(count)
        for result in decoded.results {
            guard let result else { throw Corrupt() }
            let (concepts, counts) = try result.get()
            glossary.concepts += concepts
            termCounts += counts
        }
        return (glossary, termCounts)
    }

    /// One concept, and its number of terms.
    private mutating func readConcept(_ tables: GlossaryTables) throws(Corrupt) -> (Concept, Int32) {
        let id = try readString()
        let present = try readByte()
        let definition = present & 1 != 0 ? try readString() : nil
        let subject = present & 2 != 0 ? try readString() : nil
        let note = present & 4 != 0 ? try readString() : nil
        let properties = present & 8 != 0 ? try readProperties(tables) : []
        let location = present & 16 != 0 ? try readLocation(tables) : nil
        let termCount = try readElementCount()
        var terms: [Term] = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount { terms.append(try readTerm(tables)) }
        let concept = Concept(
            id: id, definition: definition, subject: subject, note: note, terms: terms, properties: properties,
            location: location)
        return (concept, Int32(termCount))
    }
}

/// The concepts of each part as the threads that decode them finish, one slot per part.
private final class DecodedParts: @unchecked Sendable {
    // @unchecked: each thread writes only its own slot, under the lock; the slots are read
    // after every thread has finished.
    private let lock = NSLock()
    private(set) var results: [Result<([Concept], [Int32]), BinaryReader.Corrupt>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<([Concept], [Int32]), BinaryReader.Corrupt>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }
}
