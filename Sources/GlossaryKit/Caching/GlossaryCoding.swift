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
        // The concepts first, into a writer of their own, so that the tables they fill can
        // precede them; each concept's offset is noted, for reading one without the others.
        var tags = Interner<LanguageTag>(), files = Interner<String>()
        var head = BinaryWriter()
        head.write(glossary.name)
        head.write(glossary.requiredLanguages.count)
        for tag in glossary.requiredLanguages { head.write(tags.index(of: tag)) }
        head.write(glossary.properties, tags: &tags)
        var concepts = BinaryWriter()
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(glossary.concepts.count + 1)
        for concept in glossary.concepts {
            concepts.write(concept, tags: &tags, files: &files)
            precondition(concepts.count <= Int(UInt32.max), "concepts beyond 4 GiB")
            offsets.append(UInt32(concepts.count))
        }
        writeCases(of: TermStatus.self)
        writeCases(of: TermType.self)
        writeCases(of: MatchMode.self)
        write(tags.values.count)
        for tag in tags.values { write(tag.rawValue) }
        write(files.values.count)
        for file in files.values { write(file) }
        append(head)
        // The offsets where they can be used in place, then the concepts.
        write(PinnedArray(offsets))
        write(concepts.count)
        append(concepts)
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

    /// Reads a glossary written by `BinaryWriter.write(_: Glossary)`, its concepts left where
    /// they lie (`StoredConcepts`): each is checked here, without allocating, and decoded when
    /// first read.
    ///
    /// `isVerified`: the bytes passed this check in a full load before and have not changed
    /// since (`CacheEntry.read(verified:key:)`); the concepts are not walked, and no term
    /// counts are returned.
    ///
    /// - Returns: the glossary and the number of terms of each concept (to check references
    ///   into it without decoding the concepts); no counts when `isVerified`.
    /// - Complexity: O(*n*) in the glossary's size, but no allocation per concept, term or
    ///   string: only the tags, file paths and the glossary's own fields are decoded. O(1) in
    ///   the number of concepts when `isVerified`.
    mutating func readGlossary(isVerified: Bool = false) throws(Corrupt) -> (glossary: Glossary, termCounts: [Int32]) {
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
        let offsets = try readPinned(UInt32.self)
        let length = try readElementCount()
        let concepts = try slice(length: length)
        try skip(length)
        guard let first = offsets.first, first == 0, let last = offsets.last, Int(last) == length else { throw Corrupt() }
        let stored = StoredConcepts(reader: concepts, offsets: offsets, tables: tables)
        if isVerified {
            glossary.concepts = ConceptList(stored: stored)
            return (glossary, [])
        }
        // Every concept decodes and ends where the next begins: then decoding one later, from
        // the same bytes with the same code, cannot fail.
        var termCounts: [Int32] = []
        termCounts.reserveCapacity(offsets.count - 1)
        var checker = concepts
        // The checked bytes are given back a mebibyte at a time (11 MB for 100k concepts): a
        // concept is read again, from the page cache, only when a finding needs it.
        var released = 0
        for index in 0..<(offsets.count - 1) {
            try checker.seek(to: Int(offsets[index]))
            termCounts.append(try checker.skipConcept(tables))
            guard checker.offset == Int(offsets[index + 1]) else { throw Corrupt() }
            if checker.offset - released >= 1 << 20 {
                checker.releasePages(released..<checker.offset)
                released = checker.offset
            }
        }
        glossary.concepts = ConceptList(stored: stored)
        return (glossary, termCounts)
    }

    /// One concept, and its number of terms.
    mutating func readConcept(_ tables: GlossaryTables) throws(Corrupt) -> (Concept, Int32) {
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

extension BinaryReader {
    /// Moves past one concept as `readConcept` reads it, accepting exactly the bytes it accepts,
    /// without allocating anything: how loading checks the concepts it leaves undecoded.
    ///
    /// - Returns: the concept's number of terms.
    /// - Complexity: O(the concept's size).
    mutating func skipConcept(_ tables: GlossaryTables) throws(Corrupt) -> Int32 {
        try skipString()
        let present = try readByte()
        if present & 1 != 0 { try skipString() }
        if present & 2 != 0 { try skipString() }
        if present & 4 != 0 { try skipString() }
        if present & 8 != 0 { try skipProperties(tables) }
        if present & 16 != 0 { try skipLocation(tables) }
        let termCount = try readElementCount()
        for _ in 0..<termCount { try skipTerm(tables) }
        return Int32(termCount)
    }

    private mutating func skipString() throws(Corrupt) {
        let length = try readInt()
        try skip(length)
    }

    private mutating func skipLocation(_ tables: GlossaryTables) throws(Corrupt) {
        _ = try readIndex(below: tables.files.count)
        _ = try readInt()
        _ = try readInt()
    }

    private mutating func skipProperties(_ tables: GlossaryTables) throws(Corrupt) {
        for _ in 0..<(try readElementCount()) {
            try skipString()
            try skipString()
            _ = try readIndex(below: tables.tags.count + 1)
        }
    }

    private mutating func skipTerm(_ tables: GlossaryTables) throws(Corrupt) {
        try skipString()
        _ = try readIndex(below: tables.tags.count)
        _ = try readIndex(below: tables.statuses.count)
        _ = try readIndex(below: tables.types.count)
        _ = try readIndex(below: tables.modes.count)
        let bits = try readInt()
        guard (bits >> 2) & 3 != 3 else { throw Corrupt() }
        if bits & 16 != 0 {
            for _ in 0..<(try readElementCount()) { try skipString() }
        }
        if bits & 32 != 0 { try skipString() }
        if bits & 64 != 0 { try skipString() }
        if bits & 128 != 0 { try skipString() }
        if bits & 256 != 0 { try skipProperties(tables) }
        if bits & 512 != 0 { try skipLocation(tables) }
        if bits & 1024 != 0 {
            for _ in 0..<(try readElementCount()) {
                try skipString()
                if try readIndex(below: 2) == 1 { try skipLocation(tables) }
            }
        }
    }
}
