import Foundation
import TestRandom
import Testing

@testable import GlossaryKit

/// The language data files: they load, their rules are well-formed, and mistakes are reported.
@Suite("Language data")
struct LanguageDataTests {
    @Test(arguments: ["id", "en", "su"])
    func builtInFilesLoadWithoutProblems(_ name: String) throws {
        let data = try LanguageData.builtIn(name)
        #expect(data.language == name)
        #expect(data.problems.isEmpty)
        #expect(!data.stopwords.isEmpty)
    }

    /// The composed form compiled in reads as the text does with Yams, and as every value of
    /// the file: `builtIn` reads no YAML, but has the data the files say.
    @Test(arguments: ["id", "en", "su"])
    func composedDataIsTheParsedText(_ name: String) throws {
        let composed = try LanguageData.builtIn(name)
        let parsed = try LanguageData.parsedBuiltIn(name)
        #expect(composed == parsed)
        #expect(composed.stopwords == parsed.stopwords && !composed.stopwords.isEmpty)
    }

    /// The composed form holds what YAML resolves plain scalars to, and the decoder reads each
    /// type as Yams does, refusing what Yams refuses.
    @Test func composedScalarsReadAsYamsReadsThem() throws {
        func composed(_ pairs: String...) throws -> LanguageData {
            let text = "m\(pairs.count + 1):sps8:languagesps2:xx" + pairs.joined()
            return try ComposedYAML.decode(LanguageData.self, from: ComposedYAML(composed: text))
        }
        func parsed(_ lines: String...) throws -> LanguageData {
            try LanguageData.decode((["language: xx"] + lines).joined(separator: "\n"), path: "test.yml")
        }
        let stopwords = "sps9:stopwordsq5:spb2:onsqs2:nospi1:3sps2:~xspb3:yes"
        let folding = "sps14:accent-foldingspb3:Yes"
        let stem = "sps12:minimum-stemspi5:1_000"
        let contexts = "sps17:enclitic-contextsm1:sps1:aq2:sps1:bsps1:c"
        let marks = "sps19:reduplication-marksspn1:~"
        let fromComposed = try composed(stopwords, folding, stem, contexts, marks)
        let fromYAML = try parsed(
            "stopwords: [on, \"no\", 3, ~x, yes]", "accent-folding: Yes", "minimum-stem: 1_000",
            "enclitic-contexts: {a: [b, c]}", "reduplication-marks: ~")
        #expect(fromComposed == fromYAML)
        #expect(fromComposed.stopwords == ["on", "no", "3", "~x", "yes"])
        #expect(fromComposed.accentFolding && fromComposed.minimumStem == 1000)
        #expect(fromComposed.encliticContexts == ["a": ["b", "c"]] && fromComposed.reduplicationMarks.isEmpty)

        // A quoted "true" is a string, not a boolean; a quoted number is not an integer.
        #expect(throws: (any Error).self) { try composed("sps14:accent-foldingsqs4:true") }
        #expect(throws: (any Error).self) { try parsed("accent-folding: \"true\"") }
        #expect(throws: (any Error).self) { try composed("sps12:minimum-stemsqs1:3") }
        #expect(throws: (any Error).self) { try parsed("minimum-stem: \"3\"") }
        #expect(throws: (any Error).self) { try composed("sps9:stopwordssps2:on") }
        #expect(throws: (any Error).self) { try parsed("stopwords: on") }
        // Malformed composed text is an error, never a crash.
        for text in ["", "x", "s", "sps9:abc", "q2:sps1:a", "m1:q0:sps1:a", "sps1:ab", "spz1:a", "q:"] {
            #expect(throws: ComposedYAML.Malformed.self, "\(text)") { try ComposedYAML(composed: text) }
        }
    }

    /// Integers Yams reads in another base (a leading `0` is octal in YAML 1.1, `0x`, `0o`,
    /// `0b`, sexagesimal `1:30`): the composed form reads the same value as Yams or refuses the
    /// scalar, never another value.
    @Test func composedIntegersInOtherBasesReadAsYamsOrAreRefused() throws {
        for text in ["010", "+010", "-010", "0_10", "0x10", "0o10", "0b10", "1:30", "007", "0", "10", "+3", "1_0"] {
            let composed = "m2:sps8:languagesps2:xxsps12:minimum-stemspi\(text.utf8.count):\(text)"
            let fromComposed = try? ComposedYAML.decode(LanguageData.self, from: ComposedYAML(composed: composed))
            let fromYAML = try? LanguageData.decode("language: xx\nminimum-stem: \(text)", path: "test.yml")
            if let fromComposed {
                #expect(fromComposed.minimumStem == fromYAML?.minimumStem, "minimum-stem: \(text)")
            }
            // Plain decimal integers are read, not refused.
            if text.first != "0" && !text.contains(where: { "xob:".contains($0) }) && !text.dropFirst().hasPrefix("0") {
                #expect(fromComposed != nil, "minimum-stem: \(text)")
            }
        }
    }

    /// A merge key (`<<`) adds the pairs of the mapping it names, as Yams's decoder flattens
    /// it; the composed form must read them too, or refuse the document, never drop them.
    @Test func composedMergeKeysReadAsYamsOrAreRefused() throws {
        let fromYAML = try LanguageData.decode("language: xx\n<<: {accent-folding: true, minimum-stem: 5}", path: "t.yml")
        #expect(fromYAML.accentFolding && fromYAML.minimumStem == 5)
        let composed =
            "m2:sps8:languagesps2:xxspo2:<<m2:sps14:accent-foldingspb4:truesps12:minimum-stemspi1:5"
        if let fromComposed = try? ComposedYAML.decode(LanguageData.self, from: ComposedYAML(composed: composed)) {
            #expect(fromComposed == fromYAML)
        }
        // A quoted "<<" is an ordinary key, not a merge key: it is read (and ignored) as by Yams.
        let quoted = "m2:sps8:languagesps2:xxsqs2:<<sps1:x"
        #expect(try ComposedYAML.decode(LanguageData.self, from: ComposedYAML(composed: quoted)).language == "xx")
    }

    /// `problems` does not compile suffix patterns (`.*s`): every pattern of that form is a
    /// valid regular expression, whatever its letters; and other patterns are still compiled.
    @Test func suffixPatternsAreValidExpressionsByTheirForm() throws {
        var generator = SeededGenerator(seed: 18)
        let alphabet = Array("abcxyzéü -_'#/&%@!~`,;:<>=\"0123456789AZ\u{301}ñ")
        for _ in 0..<500 {
            let pattern =
                ".*"
                + String((0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(LanguageData.isSuffixPattern(pattern), "\(pattern)")
            #expect((try? NSRegularExpression(pattern: pattern)) != nil, "\(pattern)")
        }
        for pattern in [".*", "s", ".*(s", ".*[", "a.*s", ".*s+", ".*\\"] {
            #expect(!LanguageData.isSuffixPattern(pattern), "\(pattern)")
        }
        let data = try LanguageData.decode("language: xx\nplural-exceptions: [\".*s\", \".*(\", \"(a|b\"]", path: "x.yml")
        #expect(data.problems.filter { $0.contains("not a regular expression") }.count == 2)
    }

    /// The build plugin embeds every data file in the source folder, and exactly its text.
    @Test func everyDataFileIsCompiledInUnchanged() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GlossaryKit/Languages/Data")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
        #expect(Set(names.map { String($0.dropLast(4)) }) == Set(LanguageData.embeddedFiles.keys))
        #expect(Set(LanguageData.composedFiles.keys) == Set(LanguageData.embeddedFiles.keys))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(LanguageData.embeddedFiles[String(name.dropLast(4))] == text, "\(name)")
        }
    }

    @Test func malformedRulesAreReportedWithTheFile() throws {
        let text = """
            language: xx
            enclitics: [na]
            plural-endings: [[s]]
            spelling-endings: [[our, or, three]]
            not-clitic: [rumah]
            irregular-plural-endings: [[men]]
            irregular-plural-exceptions: [omen, house]
            plural-infixes: [ar]
            plural-infix-exceptions: [barang, budak]
            """
        #expect(throws: InputError.self) { try LanguageData.parse(text, path: "xx.yml") }
        let problems = try LanguageData.decode(text, path: "xx.yml").problems
        #expect(problems.count == 6)
        #expect(problems.contains { $0.contains("irregular-plural-endings") })
        // "omen" and "barang" could be misread, so listing them is right; "house" and "budak" not.
        #expect(problems.contains { $0.contains("'house'") } && problems.contains { $0.contains("'budak'") })
        #expect(problems.contains { $0.contains("rumah") })
    }

    @Test func defaultsForAnEmptyLanguage() throws {
        let data = try LanguageData.parse("language: xx\n", path: "xx.yml")
        #expect(data.enclitics.isEmpty && !data.reduplication && data.reduplicationJoins == ["-"])
        let analyzer = RuleBasedAnalyzer(data: data)
        #expect(analyzer.analyses(of: try Tokenizer().tokenize(term: "kerjanya"), at: 0).isEmpty)
    }
}
