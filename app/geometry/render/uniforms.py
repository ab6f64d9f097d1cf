"""Setting a GLSL uniform by name from Python values or packed bytes."""

from __future__ import annotations

import moderngl

UniformValue = bytes | bool | int | float | tuple[float, ...] | tuple[bool, ...]


def set_uniform(program: moderngl.Program, name: str, value: UniformValue) -> None:
    """Set a uniform; GLSL drops uniforms a shader never reads, so absent ones are skipped."""
    uniform = program.get(name, None)
    if not isinstance(uniform, moderngl.Uniform):
        return
    if isinstance(value, bytes):
        uniform.write(value)
    else:
        uniform.value = value
