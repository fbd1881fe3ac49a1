import TestRandom
import Testing

@testable import GlossaryLanguageServer

@Suite("JSON reading and writing")
struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2, 0, 1.5, -0.25e2, 1E3], "b": true, "c": false, "d": null, "e": "x"} "#)
        #expect(
            value == [
                "a": [.integer(1), .integer(-2), .integer(0), .double(1.5), .double(-25), .double(1000)],
                "b": true, "c": false, "d": nil, "e": "x",
            ])
        #expect(try JSONParser.parse("[]") == [])
        #expect(try JSONParser.parse("{}") == .object([:]))
        #expect(try JSONParser.parse("\"\"") == "")
    }

    @Test func keepsIntegersApartFromOtherNumbers() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .integer(Int.max))
        // Too large for an integer: still a number, not an id or a position.
        #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONParser.parse("1.0") == .double(1))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        #expect(try JSONParser.parse(#""\u00e9\u0065\u0301""#) == .string("\u{E9}e\u{301}"))
        #expect(try JSONParser.parse(#""\ud83d\ude00!""#) == .string("😀!"))
        // Unescaped UTF-8 passes through as it is.
        #expect(try JSONParser.parse("\"😀 é\"") == .string("😀 é"))
    }

    @Test func replacesLoneSurrogatesWithTheReplacementCharacter() throws {
        #expect(try JSONParser.parse(#""a\ud83db""#) == .string("a\u{FFFD}b"))
        #expect(try JSONParser.parse(#""\ude00""#) == .string("\u{FFFD}"))
        // A high surrogate followed by an escape that is no low surrogate keeps that escape.
        #expect(try JSONParser.parse(#""\ud83d\u0041""#) == .string("\u{FFFD}A"))
    }

    @Test func lastOfDuplicateKeysWins() throws {
        #expect(try JSONParser.parse(#"{"a": 1, "a": 2}"#) == ["a": 2])
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "[01]", "-", "1.", "1e", "+1", ".5", "tru", "nul",
        "\"abc", "\"a\u{01}b\"", "\"\\x\"", "\"\\u12\"", "{\"a\" 1}", "{1:2}", "[1 2]", "1 2", "// c\n1", "NaN",
    ])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func refusesInvalidUTF8InAString() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParser.SyntaxError(message: "invalid UTF-8 in a string", offset: 1)) { try JSONParser.parse(bytes) }
    }

    @Test func refusesNestingBeyondTheLimit() throws {
        let limit = JSONParser.maximumDepth
        _ = try JSONParser.parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        let deeper = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deeper) }
    }

    @Test func namesWhereTheErrorIs() {
        #expect(throws: JSONParser.SyntaxError(message: "',' or ']' was expected in an array", offset: 3)) {
            try JSONParser.parse("[1 2]")
        }
    }

    @Test func writesCompactJSONWithSortedKeys() {
        let value: JSONValue = ["b": [1, .double(2.5), nil, true], "a": "x\"y\\z\n\u{01}é😀"]
        #expect(value.serializedString == #"{"a":"x\"y\\z\n\u0001é😀","b":[1,2.5,null,true]}"#)
        #expect(JSONValue.double(.infinity).serializedString == "null")
    }

    @Test func writtenValuesReadBackTheSame() throws {
        var generator = SeededGenerator(seed: 19)
        let pieces = ["a", "é", "😀", "\"", "\\", "\n", "\u{0}", "\u{1F}", "/", " ", "\u{301}", "\r\n"]
        func random(depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
            case 0: return nil
            case 1: return .bool(Bool.random(using: &generator))
            case 2: return .integer(Int.random(in: -1_000_000...1_000_000, using: &generator))
            case 3: return .double(Double(Int.random(in: -1000...1000, using: &generator)) / 8 + 0.125)
            case 4:
                return .string(
                    (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            case 5: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in random(depth: depth + 1) })
            default:
                var members: [String: JSONValue] = [:]
                for index in 0..<Int.random(in: 0...4, using: &generator) {
                    members["k\(index)\(pieces[index])"] = random(depth: depth + 1)
                }
                return .object(members)
            }
        }
        for _ in 0..<2000 {
            let value = random(depth: 0)
            #expect(try JSONParser.parse(value.serialized()) == value)
        }
    }
}
