import Foundation

/// Runs the glossary and the language analyzers over real texts that nobody labelled, and lists
/// what deserves a human look.
///
/// Two passes:
///
/// 1. **Matches.** Each text is checked with its language given; the survey counts matches per
///    phenomenon and lists every match that needed morphology (with how it matched), since those
///    are the ones the analyzers could get wrong.
/// 2. **Readings.** Every distinct word of the texts and of the word lists is analysed on its own,
///    whether or not the glossary has its stem. A clitic reading is *suspicious* when the whole
///    word is itself a root word of the language and so is the stem left after removing the
///    clitic (the word may be a root that merely ends like a clitic). Sundanese affixed words are
///    also used to measure how often a -na or plural-infix reading lands on a known root.
///
/// Files that are absent are skipped and named in the report.
package struct RealTextSurvey: Sendable {
    package let checker: GlossaryChecker
    /// The `shared/data` folder.
    package let dataFolder: String
    /// How many examples each list shows.
    package var listLimit = 25

    package init(checker: GlossaryChecker, dataFolder: String) {
        self.checker = checker
        self.dataFolder = dataFolder
    }

    /// One text to check.
    struct Text {
        var name: String
        var language: LanguageTag
        var source: SourceText
        var markup: Tokenizer.Markup
    }

    /// Runs both passes and renders the report.
    package func run() throws -> String {
        var output = "Real texts in \(dataFolder)\n"
        var skipped: [String] = []
        let texts = loadTexts(skipped: &skipped)
        var wordsByLanguage: [LanguageTag: Set<String>] = [:]
        var table =
            pad("text", 26) + pad("lang", 6) + padLeft("words", 8) + padLeft("matches", 9)
            + padLeft("inflected", 11) + "  by phenomenon\n"
        var listed = ""
        var nearMisses: [LanguageTag: [String: Int]] = [:]
        var singleWords: [LanguageTag: [String]] = [:]
        for concept in checker.glossary.concepts {
            for term in concept.terms where !term.type.isAbbreviated && !term.text.contains(" ") && term.text.count >= 4 {
                let folded = (try? Tokenizer().tokenize(term: term.text))?.first?.folded ?? term.text.lowercased()
                singleWords[term.language, default: []].append(folded)
            }
        }
        for text in texts {
            let document = try checker.analyze(text.source, options: CheckOptions(language: text.language, markup: text.markup))
            // The same words the checker scanned, as tokens with text (match.tokens index them).
            let compiled = checker.compiled
            let scanned = try Tokenizer().scan(
                text.source, markup: text.markup, words: compiled.tables.words, gaps: compiled.tables.gapLexicon,
                unknownWords: ByteLexicon())
            let tokens = scanned.words.indices.map(scanned.token(at:))
            for token in tokens where token.kind == .letter {
                wordsByLanguage[text.language, default: []].insert(token.folded)
            }
            // Words that begin with a one-word term of the text's language but were not matched:
            // derivations the analyzers leave alone on purpose (pekerjaan, perdagangan), or misses.
            var covered = Set<Int>()
            for match in document.matches { covered.formUnion(match.tokens) }
            for (index, token) in tokens.enumerated() where token.kind == .letter && !covered.contains(index) {
                if let stem = singleWords[text.language]?.first(where: { token.folded.hasPrefix($0) && token.folded != $0 }) {
                    nearMisses[text.language, default: [:]]["\(token.folded) (\(stem))", default: 0] += 1
                }
            }
            var perPhenomenon: [String: Int] = [:]
            var inflected: [String: (count: Int, line: Int)] = [:]
            var order: [String] = []
            for match in document.matches {
                for phenomenon in match.phenomena where phenomenon != .identity {
                    perPhenomenon[phenomenon.rawValue, default: 0] += 1
                }
                guard !match.isVerbatim else { continue }
                let concept = document.glossary[concept: match.term].id
                let how = match.explanation.isEmpty ? match.phenomena.map(\.rawValue).joined(separator: "+") : match.explanation
                let key = "'\(document.writtenText(of: match).replacingOccurrences(of: "\n", with: " "))' → \(concept) (\(how))"
                if inflected[key] == nil {
                    order.append(key)
                    inflected[key] = (0, match.start.line)
                }
                inflected[key]!.count += 1
            }
            let summary = perPhenomenon.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            table +=
                pad(text.name, 26) + pad(text.language.rawValue, 6) + padLeft(String(tokens.count), 8)
                + padLeft(String(document.matches.count), 9)
                + padLeft(String(document.matches.filter { !$0.isVerbatim }.count), 11) + "  " + summary + "\n"
            if !order.isEmpty {
                listed += "\(text.name) (\(text.language.rawValue)): matches that needed morphology\n"
                for key in order.prefix(listLimit) {
                    let entry = inflected[key]!
                    listed += "  line \(entry.line): \(key)" + (entry.count > 1 ? " ×\(entry.count)" : "") + "\n"
                }
                if order.count > listLimit { listed += "  … \(order.count - listLimit) more\n" }
            }
        }
        output += "\n" + table + "\n" + listed
        for (language, misses) in nearMisses.sorted(by: { $0.key < $1.key }) {
            let top = misses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(listLimit)
            output +=
                "\(language.rawValue): unmatched words that begin with a one-word term (word (term) ×count): "
                + top.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
        }
        output += try readingsReport(wordsByLanguage: wordsByLanguage, skipped: &skipped)
        if !skipped.isEmpty {
            output += "\nSkipped:\n" + skipped.map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        return output
    }

    // MARK: - Texts

    private func url(_ path: String) -> URL { URL(fileURLWithPath: dataFolder).appendingPathComponent(path) }

    private func read(_ path: String, skipped: inout [String]) -> String? {
        guard let data = FileManager.default.contents(atPath: url(path).path),
            let text = String(data: data, encoding: .utf8)
        else {
            skipped.append("\(path): not found or not UTF-8")
            return nil
        }
        return text
    }

    private func loadTexts(skipped: inout [String]) -> [Text] {
        var texts: [Text] = []
        for (file, language) in [("udhr-ind", LanguageTag.indonesian), ("udhr-eng", .english), ("udhr-sun", .sundanese)] {
            let path = "parallel/udhr/\(file).derived.txt"
            if let text = read(path, skipped: &skipped) {
                texts.append(Text(name: file, language: language, source: SourceText(path: path, string: text), markup: .plain))
            }
        }
        let perda = "texts-id/perda-diy-6-2025-perdagangan-orang"
        if let names = try? FileManager.default.contentsOfDirectory(atPath: url(perda).path) {
            for name in names.sorted() where name.hasSuffix(".md") && name != "SOURCE.md" {
                if let text = read("\(perda)/\(name)", skipped: &skipped) {
                    texts.append(
                        Text(
                            name: "perda-diy-6-2025", language: .indonesian,
                            source: SourceText(path: "\(perda)/\(name)", string: text), markup: .markdown))
                }
            }
        } else {
            skipped.append("\(perda): not found")
        }
        let nusax = "parallel/nusax/nusax-mt-test-id-en-su.csv"
        if let csv = read(nusax, skipped: &skipped) {
            let rows = Self.parseCSV(csv)
            if let header = rows.first {
                for (column, language) in [
                    ("indonesian", LanguageTag.indonesian), ("english", .english), ("sundanese", .sundanese),
                ] {
                    guard let index = header.firstIndex(of: column) else {
                        skipped.append("\(nusax): no column '\(column)'")
                        continue
                    }
                    // One sentence per paragraph, so no term spans two sentences.
                    let body = rows.dropFirst().compactMap { $0.count > index ? $0[index] : nil }.joined(separator: "\n\n")
                    texts.append(
                        Text(
                            name: "nusax-\(column)", language: language,
                            source: SourceText(path: "\(nusax)#\(column)", string: body), markup: .plain))
                }
            }
        }
        return texts
    }

    /// Rows of a CSV text with double-quoted fields (RFC 4180).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r", let following = next(), following != "\n" { pending = following }
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    // MARK: - Readings

    private func wordList(_ path: String, skipped: inout [String]) -> [String]? {
        guard let text = read(path, skipped: &skipped) else { return nil }
        let tokenizer = try? Tokenizer()
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let word = line.trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty, let tokens = try? tokenizer?.tokenize(term: word), tokens.count == 1 else { return nil }
            return tokens[0].folded
        }
    }

    /// The analyzer's readings of `word` on its own.
    private func readings(_ word: String, _ analyzer: any LanguageAnalyzer, _ tokenizer: Tokenizer) -> [WordAnalysis] {
        guard let tokens = try? tokenizer.tokenize(term: word), tokens.count == 1 else { return [] }
        return analyzer.analyses(of: tokens, at: 0).filter { $0.tokenCount == 1 }
    }

    private func readingsReport(wordsByLanguage: [LanguageTag: Set<String>], skipped: inout [String]) throws -> String {
        let tokenizer = try Tokenizer()
        var output = "\nAnalyzer readings of every distinct word (whether or not the glossary has the stem)\n"
        let roots: [LanguageTag: Set<String>] = [
            .indonesian: wordList("lang-resources/sastrawi/kata-dasar.txt", skipped: &skipped).map(Set.init) ?? [],
            .sundanese: wordList("lang-resources/sustem-sundanese/sunda-root-words.one-per-line.txt", skipped: &skipped).map(
                Set.init) ?? [],
        ]
        for language in [LanguageTag.indonesian, .sundanese, .english] {
            let analyzer = checker.compiled.registry.analyzer(for: language)
            var words = wordsByLanguage[language] ?? []
            if let languageRoots = roots[language] { words.formUnion(languageRoots) }
            let rootSet = roots[language] ?? []
            var counts: [String: Int] = [:]
            var suspicious: [String] = []
            var infixLookalikes: [String] = []
            var unknownStems = 0
            for word in words.sorted() {
                let all = readings(word, analyzer, tokenizer)
                for phenomenon in Set(all.flatMap(\.phenomena)) { counts[phenomenon.rawValue, default: 0] += 1 }
                guard !rootSet.isEmpty else { continue }
                for reading in all
                where reading.phenomena == [.pluralInfix] && rootSet.contains(word) && rootSet.contains(reading.key) {
                    infixLookalikes.append("\(word) → \(reading.key)")
                }
                for reading in all where reading.phenomena == [.clitic] {
                    if rootSet.contains(word) && rootSet.contains(reading.key) {
                        suspicious.append("\(word) → \(reading.explanation)")
                    } else if !rootSet.contains(reading.key) {
                        unknownStems += 1
                    }
                }
            }
            output +=
                "\(language.rawValue): \(English.counted(words.count, "distinct word")) (texts"
                + (rootSet.isEmpty ? ")" : " and \(English.counted(rootSet.count, "root word")))")
                + "; words with a reading, by phenomenon: "
                + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
            if !rootSet.isEmpty {
                output += "  clitic readings whose stem is not a root word (derived stems, names, or wrong): \(unknownStems)\n"
                output += "  suspicious: root words read as root + clitic: \(suspicious.count)\n"
                for line in suspicious.prefix(listLimit * 2) { output += "    \(line)\n" }
                if suspicious.count > listLimit * 2 { output += "    … \(suspicious.count - listLimit * 2) more\n" }
                if !infixLookalikes.isEmpty {
                    output +=
                        "  root words that read as another root with a plural infix (add them to plural-infix-exceptions): \(infixLookalikes.count), e.g. "
                        + infixLookalikes.prefix(listLimit).joined(separator: ", ") + "\n"
                }
            }
        }
        // Sundanese affixed words: how often a -na or infix reading reaches a root.
        let sundanese = checker.compiled.registry.analyzer(for: .sundanese)
        let sundaneseRoots = roots[.sundanese] ?? []
        for path in ["lang-resources/sustem-sundanese/Dataset1.txt", "lang-resources/sustem-sundanese/Dataset2.txt"] {
            guard let words = wordList(path, skipped: &skipped), !sundaneseRoots.isEmpty else { continue }
            var clitic = (words: 0, root: 0), infix = (words: 0, root: 0)
            for word in Set(words).sorted() {
                let all = readings(word, sundanese, tokenizer)
                let cliticReadings = all.filter { $0.phenomena == [.clitic] }
                if !cliticReadings.isEmpty {
                    clitic.words += 1
                    if cliticReadings.contains(where: { sundaneseRoots.contains($0.key) }) { clitic.root += 1 }
                }
                let infixReadings = all.filter { $0.phenomena.contains(.pluralInfix) && !$0.phenomena.contains(.clitic) }
                if !infixReadings.isEmpty {
                    infix.words += 1
                    if infixReadings.contains(where: { sundaneseRoots.contains($0.key) }) { infix.root += 1 }
                }
            }
            output +=
                "su affixed words \(path.split(separator: "/").last!): \(English.counted(Set(words).count, "word")); "
                + "-na readings \(clitic.words) (stem is a root: \(clitic.root)); "
                + "plural-infix readings \(infix.words) (stem is a root: \(infix.root))\n"
        }
        return output
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
