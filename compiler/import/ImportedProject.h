#pragma once
// What an importer produces: the .jaws files of the new project (unformatted
// text, by file name) and the report of what was left out.
#include <map>
#include <string>

namespace jaws::importer {

struct ImportedProject {
  std::map<std::string, std::string> files;  // "project.jaws" -> text
};

}  // namespace jaws::importer
