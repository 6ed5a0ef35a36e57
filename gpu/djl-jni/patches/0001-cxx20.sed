# file: CMakeLists.txt
# expect: PROPERTY CXX_STANDARD 20
# libtorch 2.10 and newer refuse C++17 ("C++20 or later compatible compiler is required to use
# ATen", c10 uses std::string_view::starts_with and std::strong_ordering); DJL 0.35.1 builds
# against 2.7.1 with C++17. Found by compiling these sources against torch 2.14.1's headers.
s/PROPERTY CXX_STANDARD 17/PROPERTY CXX_STANDARD 20/
