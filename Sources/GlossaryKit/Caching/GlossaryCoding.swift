/// The glossary model in the cache's binary layout.
extension BinaryWriter {
    mutating func write(_ tag: LanguageTag) { write(tag.rawValue) }

    mutating func write(_ location: SourceLocation?) {
        write(location != nil)
        if let location {
            write(location.file)
            write(location.line)
            write(location.column)
        }
    }

    mutating func write(_ properties: [Property]) {
        write(properties.count)
        for property in properties {
            write(property.name)
            write(property.value)
            write(property.language?.rawValue)
        }
    }

    mutating func write(_ term: Term) {
        write(term.text)
        write(term.language)
        write(term.status.rawValue)
        write(term.type.rawValue)
        write(term.isCaseSensitive)
        write(UInt8(term.foldsAccents.map { $0 ? 1 : 0 } ?? 2))
        write(term.matchMode.rawValue)
        write(term.forms.count)
        for form in term.forms { write(form) }
        write(term.allowsPluralInfix)
        write(term.note)
        write(term.partOfSpeech)
        write(term.context)
        write(term.properties)
        write(term.location)
    }

    mutating func write(_ glossary: Glossary) {
        write(glossary.name)
        write(glossary.requiredLanguages.count)
        for tag in glossary.requiredLanguages { write(tag) }
        write(glossary.properties)
        write(glossary.concepts.count)
        for concept in glossary.concepts {
            write(concept.id)
            write(concept.definition)
            write(concept.subject)
            write(concept.note)
            write(concept.properties)
            write(concept.location)
            write(concept.terms.count)
            for term in concept.terms { write(term) }
        }
    }
}

extension BinaryReader {
    /// Language tags repeat for every term; parsing each once keeps loading fast.
    mutating func readTag(_ known: inout [String: LanguageTag]) throws(Corrupt) -> LanguageTag {
        let text = try readString()
        if let tag = known[text] { return tag }
        guard let tag = LanguageTag(text) else { throw Corrupt() }
        known[text] = tag
        return tag
    }

    mutating func readLocation() throws(Corrupt) -> SourceLocation? {
        guard try readBool() else { return nil }
        return SourceLocation(file: try readString(), line: try readInt(), column: try readInt())
    }

    mutating func readProperties(_ known: inout [String: LanguageTag]) throws(Corrupt) -> [Property] {
        let count = try readInt()
        var result: [Property] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let name = try readString()
            let value = try readString()
            let language = try readOptionalString()
            let tag: LanguageTag?
            if let language {
                guard let parsed = known[language] ?? LanguageTag(language) else { throw Corrupt() }
                tag = parsed
            } else {
                tag = nil
            }
            result.append(Property(name: name, value: value, language: tag))
        }
        return result
    }

    mutating func readTerm(_ known: inout [String: LanguageTag]) throws(Corrupt) -> Term {
        let text = try readString()
        let language = try readTag(&known)
        guard let status = TermStatus(rawValue: try readString()),
              let type = TermType(rawValue: try readString()) else { throw Corrupt() }
        let caseSensitive = try readBool()
        let folds = try readByte()
        guard let mode = MatchMode(rawValue: try readString()) else { throw Corrupt() }
        let formCount = try readInt()
        var forms: [String] = []
        for _ in 0..<formCount { forms.append(try readString()) }
        return Term(
            text: text, language: language, status: status, type: type, isCaseSensitive: caseSensitive,
            foldsAccents: folds == 2 ? nil : folds == 1, matchMode: mode, forms: forms,
            allowsPluralInfix: try readBool(), note: try readOptionalString(), partOfSpeech: try readOptionalString(),
            context: try readOptionalString(), properties: try readProperties(&known), location: try readLocation())
    }

    mutating func readGlossary() throws(Corrupt) -> Glossary {
        var known: [String: LanguageTag] = [:]
        var glossary = Glossary(name: try readOptionalString())
        let required = try readInt()
        for _ in 0..<required { glossary.requiredLanguages.append(try readTag(&known)) }
        glossary.properties = try readProperties(&known)
        let count = try readInt()
        glossary.concepts.reserveCapacity(count)
        for _ in 0..<count {
            var concept = Concept(
                id: try readString(), definition: try readOptionalString(), subject: try readOptionalString(),
                note: try readOptionalString())
            concept.properties = try readProperties(&known)
            concept.location = try readLocation()
            let terms = try readInt()
            concept.terms.reserveCapacity(terms)
            for _ in 0..<terms { concept.terms.append(try readTerm(&known)) }
            glossary.concepts.append(concept)
        }
        return glossary
    }
}
