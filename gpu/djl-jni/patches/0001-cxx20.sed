# file: CMakeLists.txt
# expect: PROPERTY CXX_STANDARD 20
# torch 2.14.1's headers refuse C++17 ("C++20 or later compatible compiler is required to use
# ATen"; c10 uses std::string_view::starts_with and std::strong_ordering); DJL 0.35.1 builds
# against 2.7.1 with C++17. Found by compiling these sources against 2.14.1's headers; whether
# 2.11 already requires it was not checked, but its headers compile as C++20 either way.
s/PROPERTY CXX_STANDARD 17/PROPERTY CXX_STANDARD 20/
