"""GLSL 3.30 sources: the metallic-roughness mesh shader and the sRGB output pass.

The mesh shader lights with the studio environment (image-based), the punctual lights (the
key one shadowed) and the material's maps, tone maps each fragment with PBR Neutral (as
three.js does, so the background keeps its exact colour) and writes premultiplied colour into
a float target; the output pass un-premultiplies and encodes sRGB.
"""

from app.geometry.render.environment import ENVIRONMENT_GLSL
from app.geometry.render.lights import MAX_LIGHTS
from app.geometry.render.shadows import SHADOW_GLSL
from app.geometry.render.tone_mapping import PBR_NEUTRAL_GLSL

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
// Bit masks over map slots: 0 base colour, 1 metallic-roughness, 2 normal, 3 occlusion,
// 4 emissive; mirrored repeat has a bit per slot for U (low five) and V (next five).
uniform int u_maps;
uniform int u_mirror_wrap;
uniform sampler2D u_base_texture;
uniform sampler2D u_metallic_roughness_texture;
uniform sampler2D u_normal_texture;
uniform sampler2D u_occlusion_texture;
uniform sampler2D u_emissive_texture;
uniform vec4 u_base_color;
uniform float u_metallic;
uniform float u_roughness;
uniform float u_normal_scale;
uniform float u_occlusion_strength;
uniform vec3 u_emissive;
uniform int u_alpha_mode;  // 0 opaque, 1 mask, 2 blend
uniform float u_alpha_cutoff;
uniform bool u_mirrored;  // a negative-determinant model matrix swaps front and back faces
uniform vec3 u_eye;
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
{ENVIRONMENT_GLSL}
{SHADOW_GLSL}
{PBR_NEUTRAL_GLSL}

// moderngl samplers only repeat or clamp, so glTF's mirrored repeat is folded here;
// gradients of the unfolded UVs keep mipmap selection smooth across the folds.
bool has_map(int slot) {{
    return (u_maps & (1 << slot)) != 0;
}}

vec2 mirrored(int slot) {{
    return vec2((u_mirror_wrap >> slot) & 1, (u_mirror_wrap >> (slot + 5)) & 1);
}}

vec2 folded_uv(int slot) {{
    return mix(v_uv, 1.0 - abs(mod(v_uv, 2.0) - 1.0), mirrored(slot));
}}

vec4 sample_map(sampler2D map, int slot) {{
    return textureGrad(map, folded_uv(slot), dFdx(v_uv), dFdy(v_uv));
}}

// The normal map in a tangent frame built per pixel from position and UV derivatives
// (tangents are not read from the file); glTF's green points up the image, towards -v.
vec3 mapped_normal(vec3 n) {{
    vec2 slope = mix(vec2(1.0), sign(1.0 - mod(v_uv, 2.0)), mirrored(2));
    vec3 dp1 = dFdx(v_world), dp2 = dFdy(v_world);
    vec2 duv1 = dFdx(v_uv) * slope, duv2 = dFdy(v_uv) * slope;
    vec3 dp2perp = cross(dp2, n), dp1perp = cross(n, dp1);
    vec3 t = dp2perp * duv1.x + dp1perp * duv2.x;
    vec3 b = dp2perp * duv1.y + dp1perp * duv2.y;
    float scale = max(dot(t, t), dot(b, b));
    if (scale <= 0.0) return n;
    vec3 m = sample_map(u_normal_texture, 2).xyz * 2.0 - 1.0;
    m.xy *= u_normal_scale;
    vec3 mapped = (t * m.x - b * m.y) * inversesqrt(scale) + n * m.z;
    return dot(mapped, mapped) > 1e-12 ? normalize(mapped) : n;
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
    vec4 base = u_base_color * v_color;
    if (has_map(0)) base *= sample_map(u_base_texture, 0);
    if (u_alpha_mode == 1 && base.a < u_alpha_cutoff) discard;
    float alpha = u_alpha_mode == 2 ? base.a : 1.0;
    vec3 to_eye = normalize(u_eye - v_world);
    vec3 n = dot(v_normal, v_normal) > 1e-12 ? normalize(v_normal) : to_eye;
    vec3 geometric = cross(dFdx(v_world), dFdy(v_world));
    geometric = dot(geometric, geometric) > 0.0 ? normalize(geometric) : n;
    if (gl_FrontFacing == u_mirrored) n = -n;  // light the back of double-sided surfaces
    if (dot(geometric, n) < 0.0) geometric = -geometric;
    if (has_map(2)) n = mapped_normal(n);
    float roughness = u_roughness, metallic = u_metallic;
    if (has_map(1)) {{
        vec4 texel = sample_map(u_metallic_roughness_texture, 1);
        roughness *= texel.g;
        metallic *= texel.b;
    }}
    roughness = clamp(roughness, 0.04, 1.0);
    metallic = clamp(metallic, 0.0, 1.0);
    float occlusion = 1.0;
    if (has_map(3))
        occlusion += u_occlusion_strength * (sample_map(u_occlusion_texture, 3).r - 1.0);
    vec3 emissive = u_emissive;
    if (has_map(4)) emissive *= sample_map(u_emissive_texture, 4).rgb;
    float a2 = roughness * roughness * roughness * roughness;
    vec3 diffuse = base.rgb * (1.0 - metallic);
    vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
    float nv = max(dot(n, to_eye), 1e-4);
    // Image-based light: split-sum specular (with Fdez-Aguera's multiple scattering, as
    // three.js does) and spherical-harmonic diffuse, both dimmed by the occlusion map.
    vec2 scale_bias = environment_brdf(roughness, nv);
    vec3 single_scatter = f0 * scale_bias.x + scale_bias.y;
    float single_energy = scale_bias.x + scale_bias.y;
    vec3 average_fresnel = f0 + (1.0 - f0) * 0.047619;
    vec3 multi_scatter = single_scatter * average_fresnel
        / (1.0 - (1.0 - single_energy) * average_fresnel) * (1.0 - single_energy);
    vec3 irradiance = diffuse_irradiance(n);
    vec3 scattered = single_scatter + multi_scatter;
    float specular_share = max(scattered.r, max(scattered.g, scattered.b));
    vec3 color = emissive + occlusion * (
        single_scatter * specular_radiance(reflect(-to_eye, n), roughness)
        + (multi_scatter + diffuse * (1.0 - specular_share)) * irradiance);
    // Single-scattering GGX loses the light that bounces more than once between microfacets
    // (over half of it on a rough metal): the punctual lights' specular is scaled back up by
    // the same albedo, as three.js does, so rough metals are not darker under them.
    vec3 energy_compensation = 1.0 + f0 * (1.0 / single_energy - 1.0);
    for (int i = 0; i < u_light_count; ++i) {{
        vec3 to_light;
        vec3 radiance = light_radiance(i, to_light);
        float nl = dot(n, to_light);
        if (nl <= 0.0) continue;
        if (u_has_shadow && i == u_shadow_light) radiance *= shadow_factor(v_world, geometric);
        vec3 h = normalize(to_light + to_eye);
        float nh = max(dot(n, h), 0.0);
        vec3 fresnel = f0 + (1.0 - f0) * pow(1.0 - max(dot(to_eye, h), 0.0), 5.0);
        float d = nh * nh * (a2 - 1.0) + 1.0;
        float distribution = a2 / (PI * d * d);
        float visibility = 0.5 / (nl * sqrt(nv * nv * (1.0 - a2) + a2)
                                  + nv * sqrt(nl * nl * (1.0 - a2) + a2));
        vec3 brdf = (1.0 - fresnel) * diffuse / PI
            + fresnel * distribution * visibility * energy_compensation;
        color += radiance * nl * brdf;
    }}
    f_color = vec4(pbr_neutral(color) * alpha, alpha);
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
