import Testing

@testable import GlossaryKit

/// Readers of bilingual and multilingual formats: structure, languages, exact positions and
/// errors with line and column.
@Suite("Bilingual formats")
struct BilingualFormatTests {
    static let checker = CrossLanguageChecker(compiled: TestSupport.exampleChecker.compiled)

    /// The text of every segment, by set, as `language: text`.
    static func describe(_ corpus: TranslationCorpus) -> [[String]] {
        corpus.sets.map { set in
            set.members.map { "\(corpus[$0].language?.rawValue ?? "?"): \(corpus.texts[$0.text].string(of: corpus[$0]))" }
        }
    }

    static func error(_ body: () throws(InputError) -> Void) -> InputError? {
        do { try body(); return nil } catch { return error }
    }

    // MARK: XLIFF

    static let xliff12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="en" target-language="id" datatype="plaintext" original="app">
            <body>
              <group id="g">
                <trans-unit id="w1">
                  <source>Every migrant worker &amp; <ph id="1">%s</ph> matters.</source>
                  <target>Setiap <g id="b">migrant worker</g> &amp; <ph id="1">%s</ph> penting.</target>
                </trans-unit>
              </group>
              <trans-unit id="w2">
                <source>The ILO met.</source>
                <target><![CDATA[ILO bertemu.]]></target>
              </trans-unit>
              <trans-unit id="w3"><source>Untranslated yet.</source></trans-unit>
            </body>
          </file>
        </xliff>
        """

    @Test func xliff12UnitsLanguagesAndInlineCodes() throws {
        let corpus = try XLIFFReader.read(SourceText(path: "app.id.xlf", string: Self.xliff12))
        #expect(corpus.sourceLanguage == .english)
        #expect(
            Self.describe(corpus) == [
                ["en: Every migrant worker &   matters.", "id: Setiap migrant worker &   penting."],
                ["en: The ILO met.", "id: ILO bertemu."],
                ["en: Untranslated yet."],
            ])
        #expect(corpus.sets.map(\.id) == ["unit w1", "unit w2", "unit w3"])
    }

    @Test func xliffFindingsPointAtTheFileCharacters() throws {
        let corpus = try XLIFFReader.read(SourceText(path: "app.id.xlf", string: Self.xliff12))
        let findings = try Self.checker.check(corpus)
        let untranslated = try #require(findings.first { $0.rule == "untranslated-term" })
        // Line 8 of the file: `          <target>Setiap <g id="b">migrant worker</g> …`: column 36.
        #expect(untranslated.location.line == 8)
        #expect(untranslated.location.column == 36)
        #expect(untranslated.text == "migrant worker")
        #expect(untranslated.endLocation.column == 50)
    }

    @Test func xliff20Segments() throws {
        let text = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="id-ID">
              <file id="f1">
                <unit id="u1">
                  <segment><source>The <pc id="1">ILO</pc> met.</source><target>ILO <ph id="2"/>bertemu.</target></segment>
                  <segment id="s2"><source>Migrant workers.</source><target>Pekerja migran.</target></segment>
                </unit>
              </file>
            </xliff>
            """
        let corpus = try XLIFFReader.read(SourceText(path: "a.xlf", string: text))
        #expect(
            Self.describe(corpus) == [
                ["en-US: The ILO met.", "id-ID: ILO  bertemu."], ["en-US: Migrant workers.", "id-ID: Pekerja migran."],
            ])
        #expect(corpus.sets.map(\.id) == ["unit u1 segment 1", "unit u1 segment s2"])
        // Language tags are brought to the glossary's (en-US → en) before matching.
        let analyzed = try Self.checker.analyze(corpus)
        #expect(analyzed.sourceLanguage == .english)
        #expect(analyzed.matches(in: analyzed.sets[1].members[1]).count == 1)
    }

    @Test func malformedXLIFFNamesLineAndColumn() {
        let text = "<xliff version=\"1.2\">\n  <file source-language=\"en\">\n    <body></bod>\n  </file>\n</xliff>\n"
        let failure = Self.error { () throws(InputError) in _ = try XLIFFReader.read(SourceText(path: "bad.xlf", string: text)) }
        #expect(failure?.location?.line == 3)
        #expect(failure?.location?.column == 17)
        #expect(failure?.description.hasPrefix("bad.xlf:3:17: error: XLIFF: malformed XML") == true)
    }

    @Test func aRecoverableMismatchIsStillAnError() {
        // libxml2 recovers from this one, and XMLParser.parse() on Linux then returns true.
        let text = "<xliff version=\"1.2\">\n<file source-language=\"en\"><body>\n</file></xliff>\n"
        let failure = Self.error { () throws(InputError) in _ = try XLIFFReader.read(SourceText(path: "bad.xlf", string: text)) }
        #expect(failure?.location.map { ($0.line, $0.column) } ?? (0, 0) == (3, 8))
        #expect(failure?.message.contains("end tag does not match") == true)
    }

    @Test func entityDeclarationsAreRefused() {
        let text =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n  <!ENTITY boom \"boom\">\n]>\n<xliff version=\"1.2\">&boom;</xliff>\n"
        let failure = Self.error { () throws(InputError) in _ = try XLIFFReader.read(SourceText(path: "evil.xlf", string: text)) }
        #expect(failure?.location?.line == 3)
        #expect(failure?.location?.column == 3)
        #expect(failure?.message.contains("entity declarations are not accepted") == true)
    }

    @Test func missingSourceLanguageIsAnError() {
        let text = "<xliff version=\"1.2\">\n  <file target-language=\"id\"><body/></file>\n</xliff>"
        let failure = Self.error { () throws(InputError) in _ = try XLIFFReader.read(SourceText(path: "x.xlf", string: text)) }
        #expect(failure?.location?.line == 2)
        #expect(failure?.message.contains("source-language") == true)
    }

    // MARK: PO

    static let po = #"""
        # A test catalogue.
        msgid ""
        msgstr ""
        "Language: id\n"
        "Plural-Forms: nplurals=1; plural=0;\n"

        #: src/app.c:10
        msgctxt "menu"
        msgid "The ILO"
        msgstr "ILO"

        msgid "One migrant worker"
        msgid_plural "%d migrant workers"
        msgstr[0] "%d pekerja migran"

        msgid ""
        "Every migrant worker "
        "has \"rights\"."
        msgstr ""
        "Setiap migrant worker\n"
        "punya \"hak\"."

        msgid "Not yet"
        msgstr ""

        #~ msgid "Obsolete"
        #~ msgstr "Usang"
        """#

    @Test func poEntriesPluralsContextAndEscapes() throws {
        let corpus = try POReader.read(SourceText(path: "app.po", string: Self.po))
        #expect(
            Self.describe(corpus) == [
                ["en: The ILO", "id: ILO"],
                ["en: One migrant worker", "en: %d migrant workers", "id: %d pekerja migran"],
                ["en: Every migrant worker has \"rights\".", "id: Setiap migrant worker\npunya \"hak\"."],
                ["en: Not yet"],
            ])
        #expect(corpus.sets[0].id.contains("msgctxt 'menu'"))
    }

    @Test func poPositionsFollowContinuationLines() throws {
        let corpus = try POReader.read(SourceText(path: "app.po", string: Self.po))
        let findings = try Self.checker.check(corpus)
        let untranslated = try #require(findings.first { $0.rule == "untranslated-term" })
        #expect((untranslated.location.line, untranslated.location.column) == (20, 9))
        #expect(untranslated.text == "migrant worker")
    }

    @Test func poErrorsNameLineAndColumn() {
        let unterminated = "msgid \"abc\nmsgstr \"x\"\n"
        var failure = Self.error { () throws(InputError) in _ = try POReader.read(SourceText(path: "id.po", string: unterminated))
        }
        #expect(failure?.location.map { ($0.line, $0.column) } ?? (0, 0) == (1, 7))
        let keyword = "msgid \"a\"\nmsgstring \"b\"\n"
        failure = Self.error { () throws(InputError) in _ = try POReader.read(SourceText(path: "id.po", string: keyword)) }
        #expect(failure?.location.map { ($0.line, $0.column) } ?? (0, 0) == (2, 1))
        #expect(failure?.message.contains("unknown keyword 'msgstring'") == true)
        let escape = "msgid \"a\\qb\"\nmsgstr \"b\"\n"
        failure = Self.error { () throws(InputError) in _ = try POReader.read(SourceText(path: "id.po", string: escape)) }
        #expect(failure?.location.map { ($0.line, $0.column) } ?? (0, 0) == (1, 9))
        let noLanguage = "msgid \"a\"\nmsgstr \"b\"\n"
        failure = Self.error { () throws(InputError) in _ = try POReader.read(SourceText(path: "messages.po", string: noLanguage))
        }
        #expect(failure?.message.contains("target language") == true)
    }

    // MARK: TMX

    @Test func tmxWithXMLLangAndLegacyLang() throws {
        let text = """
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
            <body>
              <tu tuid="7"><tuv xml:lang="EN"><seg>The ILO <bpt i="1">&lt;b&gt;</bpt>met<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
                <tuv xml:lang="ID"><seg>ILO bertemu.</seg></tuv><tuv lang="SU"><seg>ILO patepang.</seg></tuv></tu>
            </body></tmx>
            """
        let corpus = try TMXReader.read(SourceText(path: "m.tmx", string: text))
        #expect(Self.describe(corpus) == [["en: The ILO  met .", "id: ILO bertemu.", "su: ILO patepang."]])
        #expect(corpus.sets[0].id == "tu 7")
        #expect(corpus.sourceLanguage == .english)
    }

    @Test func tmxWithoutLanguageIsAnError() {
        let text = "<tmx version=\"1.4\"><header/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>"
        let failure = Self.error { () throws(InputError) in _ = try TMXReader.read(SourceText(path: "m.tmx", string: text)) }
        #expect(failure?.location?.line == 2)
        #expect(failure?.message.contains("xml:lang") == true)
    }

    // MARK: String Catalogs

    @Test func stringCatalogKeysAndVariations() throws {
        let text = #"""
            {
              "sourceLanguage" : "en",
              "strings" : {
                "The ILO met." : {
                  "localizations" : {
                    "id" : { "stringUnit" : { "state" : "translated", "value" : "ILO bert\u0065mu." } }
                  }
                },
                "workers" : {
                  "localizations" : {
                    "en" : { "variations" : { "plural" : {
                      "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld migrant worker" } },
                      "other" : { "stringUnit" : { "state" : "translated", "value" : "%lld migrant workers" } } } } },
                    "id" : { "stringUnit" : { "state" : "translated", "value" : "%lld pekerja migran" } }
                  }
                }
              },
              "version" : "1.0"
            }
            """#
        let corpus = try StringCatalogReader.read(SourceText(path: "Localizable.xcstrings", string: text))
        #expect(
            Self.describe(corpus) == [
                ["en: The ILO met.", "id: ILO bertemu."],
                ["en: %lld migrant worker", "en: %lld migrant workers", "id: %lld pekerja migran"],
            ])
        #expect(corpus.texts[0].segments[2].id == "key 'workers' [plural one]")
    }

    @Test func invalidJSONNamesLineAndColumn() {
        let text = "{\n  \"sourceLanguage\": \"en\",\n  \"strings\": { \"a\": 1, }\n}"
        let failure = Self.error { () throws(InputError) in
            _ = try StringCatalogReader.read(SourceText(path: "x.xcstrings", string: text))
        }
        #expect(failure?.location.map { ($0.line, $0.column) } ?? (0, 0) == (3, 24))
    }

    // MARK: i18n JSON

    @Test func i18nJSONFilesMatchedByKey() throws {
        let english = SourceText(
            path: "locales/en.json", string: #"{"auth": {"title": "The ILO", "items": ["migrant worker"]}, "only": "x"}"#)
        let indonesian = SourceText(
            path: "locales/id.json", string: "{\n  \"auth\": {\"title\": \"ILO\", \"items\": [\"migrant worker\"]}\n}")
        let corpus = try I18nJSONReader.read([english, indonesian])
        #expect(corpus.sets.map(\.id) == ["key 'auth.title'", "key 'auth.items.0'", "key 'only'"])
        #expect(Self.describe(corpus)[1] == ["en: migrant worker", "id: migrant worker"])
        let findings = try Self.checker.check(corpus)
        let untranslated = try #require(findings.first { $0.rule == "untranslated-term" })
        #expect(untranslated.location.file == "locales/id.json")
        #expect((untranslated.location.line, untranslated.location.column) == (2, 39))
    }

    @Test func i18nJSONErrors() {
        let broken = SourceText(path: "id.json", string: "{\n  \"a\": \"unterminated\n}")
        var failure = Self.error { () throws(InputError) in _ = try I18nJSONReader.read([broken]) }
        #expect(failure?.location?.line == 2)
        let unnamed = SourceText(path: "messages.json", string: "{}")
        failure = Self.error { () throws(InputError) in _ = try I18nJSONReader.read([unnamed]) }
        #expect(failure?.message.contains("cannot tell the language") == true)
    }

    @Test func formatsAreChosenByExtension() {
        #expect(BilingualFormat(path: "a/validators.id.xlf") == .xliff)
        #expect(BilingualFormat(path: "x.XLIFF") == .xliff)
        #expect(BilingualFormat(path: "id.po") == .po)
        #expect(BilingualFormat(path: "m.tmx") == .tmx)
        #expect(BilingualFormat(path: "L.xcstrings") == .stringCatalog)
        #expect(BilingualFormat(path: "en.json") == .i18nJSON)
        #expect(BilingualFormat(path: "notes.md") == nil)
    }

    /// Escapes give bytes, and a string's bytes across its continuation lines must be UTF-8:
    /// `\xFF` once became U+FFFD, three bytes with one file offset, and the reader indexed past
    /// its offsets (a crash found by the PO fuzz target).
    @Test func poEscapesThatAreNotUTF8AreAnErrorAtTheEscape() throws {
        func read(_ msgstr: String) -> Result<TranslationCorpus, InputError> {
            let po = "msgid \"\"\nmsgstr \"Language: id\\n\"\n\nmsgid \"Migrant workers\"\nmsgstr \(msgstr)\n"
            do throws(InputError) { return .success(try POReader.read(SourceText(path: "id.po", string: po))) } catch {
                return .failure(error)
            }
        }
        for (msgstr, line, column) in [(#""TKI \xFF""#, 5, 13), (#""a\303""#, 5, 10), ("\"ok\"\n\"\\xC3\"", 6, 2)] {
            guard case let .failure(error) = read(msgstr) else {
                Issue.record("\(msgstr): read without an error")
                continue
            }
            #expect(error.location?.line == line && error.location?.column == column, "\(msgstr): \(error)")
            #expect(error.message.contains("not UTF-8"), "\(msgstr): \(error)")
        }
        // Escaped bytes that make UTF-8, in one string or split over a continuation line, read.
        for msgstr in [#""pekerja migran \xC3\xA9""#, #""\303\251""#, "\"\\xC3\"\n\"\\xA9 TKI\""] {
            let corpus = try read(msgstr).get()
            let target = try #require(corpus.sets.first?.members.last)
            #expect(corpus.texts[0].string(of: corpus[target]).contains("é"), "\(msgstr)")
        }
    }
}
