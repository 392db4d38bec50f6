-- wrk script: each request takes the next path from a cycle, set through the WRK_PATHS environment
-- variable as "prefix|first|count|suffix" (e.g. "/public/v2/users/|7000001|10000|" or
-- "/public/v2/users?page=|1|100|&per_page=100").
local spec = os.getenv("WRK_PATHS")
local prefix, first, count, suffix = spec:match("^(.-)|(%d+)|(%d+)|(.*)$")
first, count = tonumber(first), tonumber(count)
local i = 0
request = function()
    local path = prefix .. (first + i % count) .. suffix
    i = i + 1
    return wrk.format("GET", path)
end
