#pragma once
// CloudFormation logical IDs, one naming rule shared by the checker (which
// reports collisions, JW4xxx) and the emitters: PascalCase of the declaration
// name plus a kind suffix (`listTodos` -> `ListTodosFunction`).
#include <string>
#include <string_view>

namespace jaws::model {

// `list_todos`, `list-todos` and `listTodos` all give `ListTodos`; only
// ASCII letters and digits survive (logical IDs are alphanumeric).
std::string pascalCase(std::string_view name);

inline std::string logicalId(std::string_view name, std::string_view suffix) { return pascalCase(name) + std::string(suffix); }

}  // namespace jaws::model
