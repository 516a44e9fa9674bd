#include "lsp/StdioChannel.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace jaws::lsp {

StdioChannel::Status StdioChannel::next(Frame& frame, int timeoutMs) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs < 0 ? 0 : timeoutMs);
  for (;;) {
    if (decoder_.next(frame)) return Status::Frame;
    if (closed_) return Status::Closed;
    int wait = -1;
    if (timeoutMs >= 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      wait = left > 0 ? static_cast<int>(left) : 0;
    }
    pollfd p{in_, POLLIN, 0};
    const int ready = ::poll(&p, 1, wait);
    if (ready < 0) {
      if (errno == EINTR) continue;
      closed_ = true;
      continue;
    }
    if (ready == 0) return Status::Timeout;
    char buffer[64 * 1024];
    const ssize_t n = ::read(in_, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      closed_ = true;
    } else if (n == 0) {
      closed_ = true;
    } else {
      decoder_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    }
  }
}

bool StdioChannel::send(std::string_view body) {
  if (broken_) return false;
  const std::string frame = encodeFrame(body);
  std::size_t written = 0;
  while (written < frame.size()) {
    const ssize_t n = ::write(out_, frame.data() + written, frame.size() - written);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      broken_ = true;  // EPIPE: the client went away (SIGPIPE is ignored by the command)
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace jaws::lsp
