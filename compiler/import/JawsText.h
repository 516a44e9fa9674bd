#pragma once
// Pieces of .jaws source text the importers write: string literals,
// identifiers made from YAML names, object keys.
#include <string>
#include <string_view>
#include <vector>

namespace jaws::importer {

// A string literal: quotes, with `"`, `\`, `$` and control characters escaped.
std::string stringLiteral(std::string_view text);

// The text of a string literal without its quotes (for pieces of an
// interpolated string).
std::string escapedPiece(std::string_view text);

// An expression as a piece of an interpolated string: the text of a string
// literal, or `${expression}`.
std::string interpolated(const std::string& expression);

// A `///` doc comment line of a text, its whitespace runs (newlines included)
// made single spaces; "" for an empty text.
std::string docComment(std::string_view text);

// Whether `name` is an identifier of the language and no keyword.
bool isIdentifier(std::string_view name);

// An object key: the name itself when it is an identifier, else quoted.
std::string objectKey(std::string_view name);

// A declaration name made from a YAML name: `aws-node-http-api` becomes
// `awsNodeHttpApi`, a leading digit gets `n`, a builtin or keyword gets `_`.
std::string declarationName(std::string_view name);

// The items with `separator` between them.
std::string joinText(const std::vector<std::string>& items, std::string_view separator = ", ");

// An event source call with its options object: `withOptions("sqs(q", {"batchSize = 5"})`
// is `sqs(q, { batchSize = 5 })`, `sqs(q)` without options.
std::string withOptions(const std::string& call, const std::vector<std::string>& options);

// The text in upper case (ASCII).
std::string upperText(std::string text);

// A declaration name starting in lower case, for logical ids (`IsProd` ->
// `isProd`, `SSMParameterName` -> `ssmParameterName`, `Api` -> `api_`): never a
// keyword or builtin.
std::string lowerDeclarationName(std::string_view name);

// A scalar as the YAML wrote it, when it is a plain number or boolean: the
// literal to write for it, else "".
std::string plainLiteral(std::string_view text);

}  // namespace jaws::importer
