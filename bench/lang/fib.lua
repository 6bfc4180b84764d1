-- fib(30) by naive recursion: 1.6 million calls, each a comparison and two subtractions.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(30))
