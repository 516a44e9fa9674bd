#pragma once
// The server's end of the pipe: frames read from one file descriptor (stdin)
// and written to another (stdout). Reading waits with poll() so the server
// can run a deferred check when the client goes quiet.
#include <string>
#include <string_view>

#include "lsp/Framing.h"

namespace jaws::lsp {

class StdioChannel {
 public:
  StdioChannel(int in, int out) : in_(in), out_(out) {}

  enum class Status : std::uint8_t { Frame, Timeout, Closed };
  // The next frame, waiting at most `timeoutMs` (-1: as long as it takes).
  Status next(Frame& frame, int timeoutMs);
  // Writes one framed body; false when the other end is gone.
  bool send(std::string_view body);

 private:
  int in_, out_;
  FrameDecoder decoder_;
  bool closed_ = false;
  bool broken_ = false;
};

}  // namespace jaws::lsp
