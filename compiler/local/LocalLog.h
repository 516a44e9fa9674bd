#pragma once
// What `jaws serve` and `jaws invoke` have to say while they run: a handler's
// output line, a request served, a reload. The CLI prints them; nothing in
// compiler/local/ prints.
#include <functional>
#include <string>

namespace jaws::local {

struct LogLine {
  enum class Kind : std::uint8_t {
    HandlerOutput,  // a line the handler printed (`function` says whose)
    Request,        // one request served: method, path, function, status, duration
    Lambda,         // the runtime's own lines: timeouts, crashes, init errors
    Reload,         // a handler or .jaws change picked up
    Problem,        // something the user should fix (a bad request body, ...)
  };
  Kind kind = Kind::HandlerOutput;
  std::string function;  // the declaration name, or empty
  std::string text;
  bool error = false;  // from stderr / an error
};

// Called from any thread; the receiver serializes.
using LogSink = std::function<void(const LogLine&)>;

}  // namespace jaws::local
