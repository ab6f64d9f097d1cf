"""GLSL 3.30 sources: the metallic-roughness mesh shader and the linear-to-sRGB output pass.

The mesh pass writes linear, premultiplied colour into a float target, so MSAA resolve and
alpha blending happen in linear light; the output pass un-premultiplies and encodes sRGB.
"""

from app.geometry.render.lights import MAX_LIGHTS

MESH_VERTEX = """
#version 330 core
uniform mat4 u_model;
uniform mat3 u_normal_matrix;
uniform mat4 u_view_projection;
in vec3 in_position;
in vec3 in_normal;
in vec2 in_uv;
in vec4 in_color;
out vec3 v_world;
out vec3 v_normal;
out vec2 v_uv;
out vec4 v_color;

void main() {
    vec4 world = u_model * vec4(in_position, 1.0);
    v_world = world.xyz;
    v_normal = u_normal_matrix * in_normal;
    v_uv = in_uv;
    v_color = in_color;
    gl_Position = u_view_projection * world;
}
"""

MESH_FRAGMENT = f"""
#version 330 core
#define MAX_LIGHTS {MAX_LIGHTS}
const float PI = 3.14159265;
uniform vec4 u_base_color;
uniform bool u_has_texture;
uniform sampler2D u_base_texture;
uniform bvec2 u_mirror_wrap;
uniform float u_metallic;
uniform float u_roughness;
uniform vec3 u_emissive;
uniform int u_alpha_mode;  // 0 opaque, 1 mask, 2 blend
uniform float u_alpha_cutoff;
uniform bool u_mirrored;  // a negative-determinant model matrix swaps front and back faces
uniform vec3 u_eye;
uniform vec3 u_ambient_sky;
uniform vec3 u_ambient_ground;
uniform int u_light_count;
uniform int u_light_kind[MAX_LIGHTS];  // 0 directional, 1 point, 2 spot
uniform vec3 u_light_color[MAX_LIGHTS];
uniform vec3 u_light_position[MAX_LIGHTS];
uniform vec3 u_light_direction[MAX_LIGHTS];
uniform float u_light_range[MAX_LIGHTS];
uniform vec2 u_light_cone[MAX_LIGHTS];
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;
in vec4 v_color;
out vec4 f_color;

vec4 base_color() {{
    vec4 color = u_base_color * v_color;
    if (u_has_texture) {{
        // moderngl samplers only repeat or clamp, so glTF's mirrored repeat is folded here;
        // gradients of the unfolded UVs keep mipmap selection smooth across the folds.
        vec2 folded = mix(v_uv, 1.0 - abs(mod(v_uv, 2.0) - 1.0), vec2(u_mirror_wrap));
        color *= textureGrad(u_base_texture, folded, dFdx(v_uv), dFdy(v_uv));
    }}
    return color;
}}

vec3 light_radiance(int i, out vec3 to_light) {{
    if (u_light_kind[i] == 0) {{
        to_light = -normalize(u_light_direction[i]);
        return u_light_color[i];
    }}
    vec3 offset = u_light_position[i] - v_world;
    float distance2 = max(dot(offset, offset), 1e-8);
    to_light = offset * inversesqrt(distance2);
    float falloff = 1.0 / distance2;
    if (u_light_range[i] > 0.0) {{
        float ratio = sqrt(distance2) / u_light_range[i];
        falloff *= clamp(1.0 - ratio * ratio * ratio * ratio, 0.0, 1.0);
    }}
    if (u_light_kind[i] == 2) {{
        float cd = dot(normalize(u_light_direction[i]), -to_light);
        float spot = clamp(cd * u_light_cone[i].x + u_light_cone[i].y, 0.0, 1.0);
        falloff *= spot * spot;
    }}
    return u_light_color[i] * falloff;
}}

void main() {{
    vec4 base = base_color();
    if (u_alpha_mode == 1 && base.a < u_alpha_cutoff) discard;
    float alpha = u_alpha_mode == 2 ? base.a : 1.0;
    vec3 to_eye = normalize(u_eye - v_world);
    vec3 n = dot(v_normal, v_normal) > 1e-12 ? normalize(v_normal) : to_eye;
    if (gl_FrontFacing == u_mirrored) n = -n;  // light the back of double-sided surfaces
    float roughness = clamp(u_roughness, 0.04, 1.0);
    float a2 = roughness * roughness * roughness * roughness;
    float metallic = clamp(u_metallic, 0.0, 1.0);
    vec3 diffuse = base.rgb * (1.0 - metallic);
    vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
    vec3 ambient = mix(u_ambient_ground, u_ambient_sky, n.y * 0.5 + 0.5);
    vec3 color = u_emissive + ambient * (diffuse + f0);
    float nv = max(dot(n, to_eye), 1e-4);
    for (int i = 0; i < u_light_count; ++i) {{
        vec3 to_light;
        vec3 radiance = light_radiance(i, to_light);
        float nl = dot(n, to_light);
        if (nl <= 0.0) continue;
        vec3 h = normalize(to_light + to_eye);
        float nh = max(dot(n, h), 0.0);
        vec3 fresnel = f0 + (1.0 - f0) * pow(1.0 - max(dot(to_eye, h), 0.0), 5.0);
        float d = nh * nh * (a2 - 1.0) + 1.0;
        float distribution = a2 / (PI * d * d);
        float visibility = 0.5 / (nl * sqrt(nv * nv * (1.0 - a2) + a2)
                                  + nv * sqrt(nl * nl * (1.0 - a2) + a2));
        vec3 brdf = (1.0 - fresnel) * diffuse / PI + fresnel * distribution * visibility;
        color += radiance * nl * brdf;
    }}
    f_color = vec4(color * alpha, alpha);
}}
"""

OUTPUT_VERTEX = """
#version 330 core
void main() {
    // One triangle that covers the viewport, from the vertex id alone.
    vec2 corner = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
"""

OUTPUT_FRAGMENT = """
#version 330 core
uniform sampler2D u_linear;
out vec4 f_color;

void main() {
    // Read the row from the other end so the image comes back top row first.
    ivec2 size = textureSize(u_linear, 0);
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec4 premultiplied = texelFetch(u_linear, ivec2(pixel.x, size.y - 1 - pixel.y), 0);
    float alpha = clamp(premultiplied.a, 0.0, 1.0);
    vec3 linear = alpha > 0.0 ? clamp(premultiplied.rgb / alpha, 0.0, 1.0) : vec3(0.0);
    vec3 srgb = mix(linear * 12.92, 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055,
                    step(0.0031308, linear));
    f_color = vec4(srgb, alpha);
}
"""
