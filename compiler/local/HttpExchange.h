#pragma once
// A request and a response as the local API sees them, independent of the
// HTTP server library, so the gateway logic is tested without sockets.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jaws::local {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET"
  std::string path;    // as sent, percent-encoded, without the query: "/todos/a%20b"
  std::string query;   // as sent, without '?': "limit=5&tag=a&tag=b"
  HeaderList headers;  // as sent, in order
  std::string body;
  std::string sourceIp = "127.0.0.1";
  std::string protocol = "HTTP/1.1";

  // The last value of a header, by case-insensitive name; null when absent.
  const std::string* header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;
  std::string body;

  void set(std::string name, std::string value);  // replaces a header of that name
};

bool equalsIgnoringCase(std::string_view a, std::string_view b);
std::string asciiLower(std::string text);

// %XX decoded; `+` is a space only where asked (query strings).
std::string percentDecode(std::string_view text, bool plusIsSpace = false);

// `a=1&b=x%20y&b=z` as (name, value) pairs, decoded (`+` is a space).
std::vector<std::pair<std::string, std::string>> parseQuery(std::string_view query);

}  // namespace jaws::local
