"""Hidden checks for kata 36: the graphs behind gx and z."""

from grader.judge.spec import define, fail, helpers_file

INSIDE = helpers_file(__file__)


def test_gx_leads_back_to_x(dz):
    """gx's graph (from create_graph=True) leads back to x.

    ko: create_graph=True로 만든 gx의 그래프는 x까지 이어집니다.
    """
    (reaches,) = define(dz, INSIDE, "reaches")
    if not reaches(dz.gx, dz.x):
        fail("the graph behind gx does not lead back to x")


def test_z_is_built_from_gx_and_y(dz):
    """z's graph holds both gx and y.

    ko: z의 그래프에는 gx와 y가 모두 들어 있습니다.
    """
    (reaches,) = define(dz, INSIDE, "reaches")
    if not reaches(dz.z, dz.gx) or not reaches(dz.z, dz.y):
        fail("z should be computed from gx and y (z = gx ** 3 + y)")
