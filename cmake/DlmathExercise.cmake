function(dlmath_add_exercise)
endfunction()
